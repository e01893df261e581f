/**
 * CSRF defence for state-changing requests, two layers:
 * 1. the browser's own word on where the request came from (`Sec-Fetch-Site`,
 *    else `Origin`) must be this site;
 * 2. the request must echo the session's random CSRF token (a synchronizer
 *    token: compared with the one stored in the session, not just the cookie).
 */
import { timingSafeEqual } from 'node:crypto';
import { CSRF_HEADER } from './constants';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Whether a request with this method may change state (and so needs CSRF checks). */
export function isStateChanging(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

/** The host the client addressed: a reverse proxy's `X-Forwarded-Host`, else `Host`. */
export function requestHost(request: Pick<Request, 'headers'>): string | null {
  const forwarded = request.headers.get('x-forwarded-host')?.split(',')[0]?.trim();
  return forwarded || request.headers.get('host');
}

/**
 * Why the request does not come from this site, or `null` when it does (or the
 * browser sent no provenance at all, as non-browser clients do; the token check
 * still applies to them).
 */
export function crossSiteProblem(request: Request): string | null {
  const site = request.headers.get('sec-fetch-site');
  if (site !== null && site !== 'same-origin' && site !== 'none') return `cross-site request refused (Sec-Fetch-Site: ${site})`;
  const origin = request.headers.get('origin');
  if (origin === null) return null;
  // Under `Referrer-Policy: no-referrer` Chromium sends `Origin: null` even on a same-origin
  // form post; only the browser-set Sec-Fetch-Site (scripts cannot forge it) can vouch for it then.
  if (origin === 'null') return site === 'same-origin' ? null : 'cross-site request refused (Origin null)';
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return 'cross-site request refused (Origin is not a URL)';
  }
  // Next's server sets X-Forwarded-Host itself, so the Host header counts as well.
  const hosts = [requestHost(request), request.headers.get('host')];
  return hosts.includes(originHost) ? null : `cross-site request refused (Origin ${origin})`;
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Why a state-changing request fails the CSRF checks, or `null` when it passes
 * (safe methods always pass). `formToken` is the token from a posted form, for
 * plain HTML forms that cannot set headers.
 */
export function csrfProblem(request: Request, sessionToken: string, formToken?: string): string | null {
  if (!isStateChanging(request.method)) return null;
  const crossSite = crossSiteProblem(request);
  if (crossSite !== null) return crossSite;
  const given = request.headers.get(CSRF_HEADER) ?? formToken;
  if (!given) return `the CSRF token is missing (send the ${CSRF_HEADER} header)`;
  return sameToken(given, sessionToken) ? null : 'the CSRF token is wrong (reload the page and try again)';
}
