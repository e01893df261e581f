/**
 * The one place that reads a `Cookie` header and writes a `Set-Cookie` value,
 * for the server and the browser alike (no Node imports).
 */

/** The cookies of a `Cookie` header (or `document.cookie`); the first of a repeated name wins, undecodable values are left out. */
export function parseCookies(header: string | null | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    const name = part.slice(0, index).trim();
    if (!name || cookies.has(name)) continue;
    try {
      cookies.set(name, decodeURIComponent(part.slice(index + 1).trim()));
    } catch {
      // A value that is not valid percent-encoding is no value of ours.
    }
  }
  return cookies;
}

/** Attributes of a cookie this app sets. */
export interface CookieAttributes {
  path: string;
  /** Absolute expiry, or `maxAge` in seconds (0 deletes the cookie). */
  expires?: Date;
  maxAge?: number;
  httpOnly: boolean;
  sameSite: 'Lax' | 'Strict';
  secure: boolean;
}

/** A `Set-Cookie` value. `value` must already be cookie-safe (the app's values are base64url). */
export function serializeCookie(name: string, value: string, attributes: CookieAttributes): string {
  const parts = [`${name}=${value}`, `Path=${attributes.path}`];
  if (attributes.expires) parts.push(`Expires=${attributes.expires.toUTCString()}`);
  if (attributes.maxAge !== undefined) parts.push(`Max-Age=${attributes.maxAge}`);
  parts.push(`SameSite=${attributes.sameSite}`);
  if (attributes.httpOnly) parts.push('HttpOnly');
  if (attributes.secure) parts.push('Secure');
  return parts.join('; ');
}
