/**
 * The session cookies on plain `Request`/`Response` objects. Where the site is
 * served over HTTPS (every host but localhost, or a proxy that says https) they
 * are `Secure` and carry the `__Host-` prefix, so no other host (a sibling
 * subdomain) and no plain-http page can plant or overwrite them; on plain-http
 * localhost they keep their bare names, which browsers would refuse otherwise.
 * Readers take only the name that matches the request.
 */
import { CSRF_COOKIE, HOST_COOKIE_PREFIX, SESSION_COOKIE } from './constants';
import { parseCookies, serializeCookie } from './cookie-header';
import { requestHost } from './csrf';
import type { NewSession } from './sessions';

/** The value of cookie `name` in the request's `Cookie` header, or `undefined`. */
export function readCookie(request: RequestLike, name: string): string | undefined {
  return parseCookies(request.headers.get('cookie')).get(name);
}

/** A request as far as cookies care: its headers, and its URL when there is one (server components have none). */
type RequestLike = Pick<Request, 'headers'> & { url?: string };

function urlOf(request: RequestLike): URL | null {
  try {
    return request.url ? new URL(request.url) : null;
  } catch {
    return null;
  }
}

/** Whether the client addressed this server as localhost. */
export function isLoopbackRequest(request: RequestLike): boolean {
  const host = requestHost(request) ?? urlOf(request)?.host ?? '';
  const hostname = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0];
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname ?? '');
}

/** Whether cookies for this request are `Secure` (and so `__Host-`): https, or any host but localhost. */
export function usesSecureCookies(request: RequestLike): boolean {
  const proto = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase() ?? urlOf(request)?.protocol.replace(':', '');
  return proto === 'https' || !isLoopbackRequest(request);
}

/** The name cookie `base` has on this request: `__Host-<base>` over https, else `<base>`. */
export function cookieName(request: RequestLike, base: string): string {
  return usesSecureCookies(request) ? `${HOST_COOKIE_PREFIX}${base}` : base;
}

/** The session token cookie of this request (under the name that matches its scheme), or `undefined`. */
export function sessionToken(request: RequestLike): string | undefined {
  return readCookie(request, cookieName(request, SESSION_COOKIE));
}

/** A `Set-Cookie` value for cookie `base` under this request's name: `Path=/`, no `Domain`, as `__Host-` requires. */
export function hostCookie(
  request: Request,
  base: string,
  value: string,
  options: { httpOnly: boolean; sameSite: 'Lax' | 'Strict'; expires?: Date; maxAge?: number },
): string {
  return serializeCookie(cookieName(request, base), value, { path: '/', ...options, secure: usesSecureCookies(request) });
}

/**
 * `Set-Cookie` values for a new session: the token HttpOnly and SameSite=Lax (Lax,
 * so a shared link opened from another site arrives signed in), and the CSRF token
 * readable by the page's scripts, SameSite=Strict.
 */
export function sessionCookies(request: Request, session: NewSession): string[] {
  return [
    hostCookie(request, SESSION_COOKIE, session.token, { httpOnly: true, sameSite: 'Lax', expires: session.expiresAt }),
    hostCookie(request, CSRF_COOKIE, session.csrfToken, { httpOnly: false, sameSite: 'Strict', expires: session.expiresAt }),
  ];
}

/** `Set-Cookie` values that delete both session cookies. */
export function clearedSessionCookies(request: Request): string[] {
  const past = new Date(0);
  return [
    hostCookie(request, SESSION_COOKIE, '', { httpOnly: true, sameSite: 'Lax', expires: past }),
    hostCookie(request, CSRF_COOKIE, '', { httpOnly: false, sameSite: 'Strict', expires: past }),
  ];
}
