import { describe, expect, it } from 'vitest';
import { getStore } from '../store/server';
import { withTemporaryStore } from '../store/testing';
import { signIn, signOut } from './sign-in-route';
import { readSession } from './sessions';
import { addUser } from './users';

withTemporaryStore('clusterscope-sign-in-');

function form(fields: Record<string, string>, headers: Record<string, string> = {}): Request {
  return new Request('http://localhost:3000/api/auth/signin', {
    method: 'POST',
    headers: { host: 'localhost:3000', 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

function cookieValue(response: Response, name: string): string | undefined {
  const line = response.headers.getSetCookie().find((value) => value.startsWith(`${name}=`));
  return line?.slice(name.length + 1).split(';')[0];
}

describe('sign-in form handler', () => {
  it('signs a local user in and sends them to the page they asked for', async () => {
    await addUser(getStore(), 'dana', 'analyst', 'dana-password-1');
    const response = await signIn(form({ username: 'dana', password: 'dana-password-1', next: '/?sql=select%201' }));
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/?sql=select%201');
    const cookies = response.headers.getSetCookie();
    expect(cookies[0]).toMatch(/^cs_session=[A-Za-z0-9_-]{43}; Path=\/; Expires=.+; SameSite=Lax; HttpOnly$/);
    expect(cookies[1]).toMatch(/^cs_csrf=[A-Za-z0-9_-]{43}; Path=\/; Expires=.+; SameSite=Strict$/);
    expect(await readSession(getStore(), cookieValue(response, 'cs_session'))).toMatchObject({ name: 'dana', role: 'analyst', provider: 'local' });
  });

  it('names the cookies __Host- and marks them Secure when the site is served over https', async () => {
    const response = await signIn(form({ username: 'dana', password: 'dana-password-1' }, { host: 'clusterscope.example.com' }));
    const cookies = response.headers.getSetCookie();
    expect(cookies[0]).toMatch(/^__Host-cs_session=[A-Za-z0-9_-]{43}; Path=\/; Expires=.+; SameSite=Lax; HttpOnly; Secure$/);
    expect(cookies[1]).toMatch(/^__Host-cs_csrf=[A-Za-z0-9_-]{43}; Path=\/; Expires=.+; SameSite=Strict; Secure$/);
    for (const cookie of cookies) expect(cookie).not.toMatch(/Domain=/i);
    // A TLS-terminating proxy on this machine says https: prefixed too.
    const proxied = await signIn(form({ username: 'dana', password: 'dana-password-1' }, { 'x-forwarded-proto': 'https' }));
    expect(proxied.headers.getSetCookie()[0]).toMatch(/^__Host-cs_session=.+; Secure$/);
  });

  it('signs out over https with the __Host- cookie, and clears that name', async () => {
    const response = await signIn(form({ username: 'dana', password: 'dana-password-1' }, { host: 'cs.example.com' }));
    const token = cookieValue(response, '__Host-cs_session') ?? '';
    const csrf = cookieValue(response, '__Host-cs_csrf') ?? '';
    const out = await signOut(
      new Request('https://cs.example.com/api/auth/signout', {
        method: 'POST',
        headers: { host: 'cs.example.com', cookie: `__Host-cs_session=${token}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: `csrf=${csrf}`,
      }),
    );
    expect(out.status).toBe(303);
    expect(out.headers.getSetCookie()[0]).toMatch(/^__Host-cs_session=; Path=\/; Expires=Thu, 01 Jan 1970.+; Secure$/);
    expect(await readSession(getStore(), token)).toBeNull();
  });

  it('sends wrong, missing and cross-site attempts back to the form with a code, and never off-site', async () => {
    const wrong = await signIn(form({ username: 'dana', password: 'nope', next: 'https://evil.example' }));
    expect(wrong.headers.get('location')).toBe('/signin?error=invalid');
    expect(wrong.headers.getSetCookie()).toEqual([]);
    const unknown = await signIn(form({ username: 'nobody', password: 'whatever-password', next: '/x' }));
    expect(unknown.headers.get('location')).toBe('/signin?next=%2Fx&error=invalid');
    expect((await signIn(form({ username: 'dana' }))).headers.get('location')).toBe('/signin?error=missing');
    const crossSite = await signIn(form({ username: 'dana', password: 'dana-password-1' }, { origin: 'https://evil.example' }));
    expect(crossSite.headers.get('location')).toBe('/signin?error=cross-site');
    expect(crossSite.headers.getSetCookie()).toEqual([]);
  });

  it.each(['/.//evil.example', '/..//evil.example', '/%2e//evil.example', '/.\\evil.example', '/%5c%5cevil.example'])(
    'lands on this site after signing in with next=%s',
    async (next) => {
      const response = await signIn(form({ username: 'dana', password: 'dana-password-1', next }));
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe('/');
    },
  );

  it('refuses guessing with 429 and Retry-After once the account has had its attempts', async () => {
    await addUser(getStore(), 'frank', 'viewer', 'frank-password-1');
    const guess = (accept = '*/*'): Promise<Response> =>
      signIn(form({ username: 'frank', password: 'wrong-guess-123', next: '/x' }, { 'x-forwarded-for': '198.51.100.9', accept }));
    for (let i = 0; i < 5; i++) expect((await guess()).status).toBe(303);
    const refused = await guess();
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('30');
    expect(await refused.json()).toMatchObject({ error: 'Too many attempts, try again in 30 s.' });
    const page = await guess('text/html,application/xhtml+xml');
    expect(page.status).toBe(429);
    expect(await page.text()).toContain('url=/signin?error=throttled&amp;retry=');
    // Even the right password waits out the back-off.
    const right = await signIn(form({ username: 'frank', password: 'frank-password-1' }, { 'x-forwarded-for': '198.51.100.10' }));
    expect(right.status).toBe(429);
  });

  it('signs out only with the CSRF token, and then the session is gone on the server', async () => {
    const response = await signIn(form({ username: 'dana', password: 'dana-password-1' }));
    const token = cookieValue(response, 'cs_session') ?? '';
    const csrf = cookieValue(response, 'cs_csrf') ?? '';
    const post = (body: string): Request =>
      new Request('http://localhost:3000/api/auth/signout', {
        method: 'POST',
        headers: { host: 'localhost:3000', cookie: `cs_session=${token}`, 'content-type': 'application/x-www-form-urlencoded' },
        body,
      });
    expect((await signOut(post('csrf=wrong'))).status).toBe(403);
    expect(await readSession(getStore(), token)).not.toBeNull();
    const out = await signOut(post(`csrf=${csrf}`));
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/signin');
    expect(out.headers.getSetCookie()[0]).toMatch(/^cs_session=; Path=\/; Expires=Thu, 01 Jan 1970/);
    expect(await readSession(getStore(), token)).toBeNull();
  });
});
