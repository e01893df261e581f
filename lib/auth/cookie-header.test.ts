import { describe, expect, it } from 'vitest';
import { parseCookies, serializeCookie } from './cookie-header';

describe('cookie header', () => {
  it('reads every cookie once: trimmed, decoded, the first of a repeated name, without undecodable values', () => {
    const cookies = parseCookies(' a=1;b = x%3Dy ; a=2; bad=%ZZ; =nameless; flag; __Host-cs_csrf=t');
    expect([...cookies]).toEqual([
      ['a', '1'],
      ['b', 'x=y'],
      ['__Host-cs_csrf', 't'],
    ]);
    expect(parseCookies(null).size).toBe(0);
    expect(parseCookies('').size).toBe(0);
  });

  it('writes the attributes the app uses, Secure only when asked', () => {
    const expires = new Date('2030-01-01T00:00:00Z');
    expect(serializeCookie('__Host-cs_session', 'tok', { path: '/', expires, httpOnly: true, sameSite: 'Lax', secure: true })).toBe(
      '__Host-cs_session=tok; Path=/; Expires=Tue, 01 Jan 2030 00:00:00 GMT; SameSite=Lax; HttpOnly; Secure',
    );
    expect(serializeCookie('cs_oidc', '', { path: '/', maxAge: 0, httpOnly: true, sameSite: 'Lax', secure: false })).toBe(
      'cs_oidc=; Path=/; Max-Age=0; SameSite=Lax; HttpOnly',
    );
  });
});
