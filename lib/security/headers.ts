/**
 * The security headers of every response: a strict Content-Security-Policy with
 * a per-request nonce, and the usual hardening headers. Applied by `proxy.ts`.
 */
import { s3ConnectSources } from './connect-sources';

/** Options for {@link contentSecurityPolicy}. */
export interface CspOptions {
  nonce: string;
  /** Extra sources for `connect-src`: the configured S3 buckets (see `s3ConnectSources`). */
  connectSources?: readonly string[];
  /** `next dev` needs eval and inline styles; never true for a production build. */
  development?: boolean;
}

/**
 * The policy. Scripts: 'self' (Turbopack loads later chunks without a nonce) plus the
 * nonce, and 'wasm-unsafe-eval' for DuckDB, never 'unsafe-eval'. The same policy
 * covers DuckDB's worker scripts, which take the policy of their own response.
 */
export function contentSecurityPolicy({ nonce, connectSources = [], development = false }: CspOptions): string {
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'", `'nonce-${nonce}'`, "'wasm-unsafe-eval'", ...(development ? ["'unsafe-eval'"] : [])],
    ['style-src', "'self'", development ? "'unsafe-inline'" : `'nonce-${nonce}'`],
    ['img-src', "'self'", 'data:', 'blob:'],
    ['font-src', "'self'"],
    ['connect-src', "'self'", ...connectSources],
    ['worker-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
    ['frame-ancestors', "'none'"],
  ];
  return directives.map((directive) => directive.join(' ')).join('; ');
}

/** Features the console never uses, switched off for it and anything it could embed. */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=()',
  'browsing-topics=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'payment=()',
  'usb=()',
].join(', ');

/** Every security header for one response, the CSP with `nonce`. */
export function securityHeaders(nonce: string, options: { secure: boolean; env?: Readonly<Record<string, string | undefined>> }): Record<string, string> {
  const env = options.env ?? process.env;
  const headers: Record<string, string> = {
    'Content-Security-Policy': contentSecurityPolicy({ nonce, connectSources: s3ConnectSources(env), development: env.NODE_ENV === 'development' }),
    // Share links carry the query in their URL: never leak it to another site.
    'Referrer-Policy': 'no-referrer',
    'Permissions-Policy': PERMISSIONS_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
  if (options.secure) headers['Strict-Transport-Security'] = 'max-age=31536000; includeSubDomains';
  return headers;
}
