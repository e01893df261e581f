/**
 * The one `fetch` every browser-side API client uses: it sends the session's
 * CSRF token on state-changing requests, which the server refuses without it.
 */
import { CSRF_COOKIE, CSRF_HEADER, HOST_COOKIE_PREFIX } from './constants';
import { parseCookies } from './cookie-header';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The CSRF token from its readable cookie, or `undefined` outside a signed-in page.
 * Over https the cookie is `__Host-` prefixed (see `cookies.ts`); that one wins, so a
 * bare-named cookie planted by another host is never echoed.
 */
export function csrfToken(cookieHeader: string = typeof document === 'undefined' ? '' : document.cookie): string | undefined {
  const cookies = parseCookies(cookieHeader);
  return cookies.get(`${HOST_COOKIE_PREFIX}${CSRF_COOKIE}`) ?? cookies.get(CSRF_COOKIE);
}

/** `fetch` for same-origin API calls, with the CSRF header on POST, PUT, PATCH and DELETE. */
export function apiFetch(input: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (!SAFE_METHODS.has((init.method ?? 'GET').toUpperCase())) {
    const token = csrfToken();
    if (token) headers.set(CSRF_HEADER, token);
  }
  return fetch(input, { ...init, headers, credentials: 'same-origin' });
}
