/** Reading and writing the session cookies on plain `Request`/`Response` objects. */
import { CSRF_COOKIE, SESSION_COOKIE } from './constants';
import { requestHost } from './csrf';
import type { NewSession } from './sessions';

/** The value of cookie `name` in the request's `Cookie` header, or `undefined`. */
export function readCookie(request: Request, name: string): string | undefined {
  const header = request.headers.get('cookie');
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index < 0 || part.slice(0, index).trim() !== name) continue;
    const value = part.slice(index + 1).trim();
    try {
      return decodeURIComponent(value);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** Whether the client addressed this server as localhost, the only place cookies may go without `Secure`. */
export function isLoopbackRequest(request: Request): boolean {
  const host = requestHost(request) ?? '';
  const hostname = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0];
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname ?? '');
}

function cookie(name: string, value: string, request: Request, options: { httpOnly: boolean; sameSite: 'Lax' | 'Strict'; expires: Date }): string {
  const parts = [`${name}=${value}`, 'Path=/', `Expires=${options.expires.toUTCString()}`, `SameSite=${options.sameSite}`];
  if (options.httpOnly) parts.push('HttpOnly');
  if (!isLoopbackRequest(request)) parts.push('Secure');
  return parts.join('; ');
}

/**
 * `Set-Cookie` values for a new session: the token HttpOnly and SameSite=Lax (Lax,
 * so a shared link opened from another site arrives signed in), and the CSRF token
 * readable by the page's scripts, SameSite=Strict. Both `Secure` outside localhost.
 */
export function sessionCookies(request: Request, session: NewSession): string[] {
  return [
    cookie(SESSION_COOKIE, session.token, request, { httpOnly: true, sameSite: 'Lax', expires: session.expiresAt }),
    cookie(CSRF_COOKIE, session.csrfToken, request, { httpOnly: false, sameSite: 'Strict', expires: session.expiresAt }),
  ];
}

/** `Set-Cookie` values that delete both session cookies. */
export function clearedSessionCookies(request: Request): string[] {
  const past = new Date(0);
  return [
    cookie(SESSION_COOKIE, '', request, { httpOnly: true, sameSite: 'Lax', expires: past }),
    cookie(CSRF_COOKIE, '', request, { httpOnly: false, sameSite: 'Strict', expires: past }),
  ];
}
