/** What may be fetched without signing in: the sign-in page and what it needs. No Node imports. */
import { SIGN_IN_PATH } from './constants';

const PUBLIC_EXACT = new Set([
  SIGN_IN_PATH,
  '/api/auth/signin',
  '/api/auth/signout',
  '/api/auth/oidc/login',
  '/api/auth/oidc/callback',
  '/icon.svg',
  '/favicon.ico',
]);
// Framework chunks and styles the sign-in page loads, and DuckDB's engine files (code, no data).
const PUBLIC_PREFIXES = ['/_next/static/', '/duckdb/'];

/** Whether `pathname` is served without a session. */
export function isPublicPath(pathname: string): boolean {
  return PUBLIC_EXACT.has(pathname) || PUBLIC_PREFIXES.some((prefix) => pathname.startsWith(prefix));
}
