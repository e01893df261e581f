/**
 * Where to send the user after sign-in. Only a path on this site is accepted,
 * so a crafted `?next=` cannot turn the sign-in page into an open redirect.
 */
import { SIGN_IN_PATH } from './constants';

const BASE = 'http://clusterscope.invalid';

/**
 * `next` as a same-origin path with its query and fragment, or `/` when it is
 * missing, absolute, protocol-relative (`//evil`, `/\evil`), has control
 * characters, or points back into sign-in.
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || next.length > 4096 || !next.startsWith('/')) return '/';
  // Browsers treat "\" like "/" and drop tabs and newlines, so "/\evil.com" or "/\t/evil.com" would leave the site.
  if (/[\\\u0000-\u001f\u007f]/.test(next) || next.startsWith('//')) return '/';
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return '/';
  }
  if (url.origin !== BASE) return '/';
  if (url.pathname === SIGN_IN_PATH || url.pathname.startsWith('/api/auth/')) return '/';
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Check what is returned, not what came in: dot segments ("/.//evil", "/%2e//evil") normalise to "//evil".
  return isSameSitePath(path) ? path : '/';
}

/** Whether a browser resolves `path` (used as a Location) to this site. */
function isSameSitePath(path: string): boolean {
  if (!path.startsWith('/') || path.startsWith('//') || /[\\\u0000-\u001f\u007f]/.test(path)) return false;
  try {
    // A proxy in front may decode once more, so "/%5c/evil" or "/%2f%2fevil" must not become "/\\evil" or "//evil" either.
    const decoded = decodeURIComponent(path.split(/[?#]/)[0] ?? '');
    const again = new URL(decoded, BASE);
    if (decoded.startsWith('//') || decoded.includes('\\') || again.origin !== BASE || again.pathname.startsWith('//')) return false;
    return new URL(path, BASE).origin === BASE;
  } catch {
    return false;
  }
}

/** The sign-in page's URL path that returns to `next` afterwards. */
export function signInPath(next: string, error?: string): string {
  const params = new URLSearchParams();
  const safe = safeNextPath(next);
  if (safe !== '/') params.set('next', safe);
  if (error) params.set('error', error);
  const query = params.toString();
  return query ? `${SIGN_IN_PATH}?${query}` : SIGN_IN_PATH;
}
