import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { httpFailure as failure } from '../store/testing';
import type { MetadataStore } from '../store/metadata-store';
import { openSqliteStore } from '../store/sqlite/sqlite-store';
import { requireUser } from './guard';
import type { Role } from './roles';
import { startSession, type NewSession } from './sessions';

let store: MetadataStore;

beforeEach(() => {
  store = openSqliteStore({ file: ':memory:' });
});

afterEach(async () => {
  await store.close();
});

async function signedIn(role: Role): Promise<NewSession> {
  const name = `u-${role}`;
  if ((await store.users.get(name)) === null) await store.users.create({ name, role, passwordHash: 'unused' });
  return startSession(store, { id: name, name, role, provider: 'local' });
}

async function requestAs(role: Role, method = 'GET', withToken = true): Promise<Request> {
  const session = await signedIn(role);
  const headers: Record<string, string> = { cookie: `other=1; cs_session=${session.token}` };
  if (withToken) headers['x-csrf-token'] = session.csrfToken;
  return new Request('http://localhost/api/x', { method, headers });
}

describe('requireUser', () => {
  it('returns the user when their role is enough', async () => {
    expect(await requireUser(await requestAs('admin'), 'admin', store)).toEqual({ id: 'u-admin', name: 'u-admin', role: 'admin', provider: 'local' });
    expect(await requireUser(await requestAs('admin'), 'viewer', store)).toMatchObject({ role: 'admin' });
    expect(await requireUser(await requestAs('analyst', 'POST'), 'analyst', store)).toMatchObject({ role: 'analyst' });
  });

  it('answers 401 without a valid session', async () => {
    const none = await failure(requireUser(new Request('http://localhost/api/x'), 'viewer', store));
    expect([none.status, none.message]).toEqual([401, 'sign in required: your session is missing or has expired']);
    const forged = await failure(requireUser(new Request('http://localhost/api/x', { headers: { cookie: `cs_session=${'x'.repeat(43)}` } }), 'viewer', store));
    expect(forged.status).toBe(401);
  });

  it('reads the __Host- session cookie over https, and only the name that matches the scheme', async () => {
    const { token } = await signedIn('viewer');
    const at = (url: string, cookie: string, headers: Record<string, string> = {}): Request => new Request(url, { headers: { cookie, ...headers } });
    expect(await requireUser(at('https://cs.example.com/api/x', `__Host-cs_session=${token}`), 'viewer', store)).toMatchObject({ id: 'u-viewer' });
    expect(await requireUser(at('http://127.0.0.1:3000/api/x', `__Host-cs_session=x; cs_session=${token}`), 'viewer', store)).toMatchObject({ id: 'u-viewer' });
    // Behind a proxy that terminates TLS, and on a real host name over plain http (where browsers keep only Secure cookies anyway).
    expect(
      await requireUser(
        at('http://10.0.0.5:3000/api/x', `__Host-cs_session=${token}`, { 'x-forwarded-proto': 'https', host: 'cs.example.com' }),
        'viewer',
        store,
      ),
    ).toMatchObject({ id: 'u-viewer' });
    // A bare-named cookie on an https site may have been planted by another host (a sibling subdomain): ignored.
    const planted = await failure(requireUser(at('https://cs.example.com/api/x', `cs_session=${token}`), 'viewer', store));
    expect(planted.status).toBe(401);
    const prefixedOnHttp = await failure(requireUser(at('http://localhost:3000/api/x', `__Host-cs_session=${token}`), 'viewer', store));
    expect(prefixedOnHttp.status).toBe(401);
  });

  it('answers 403 to a role below the one required', async () => {
    for (const [role, required] of [
      ['viewer', 'analyst'],
      ['viewer', 'admin'],
      ['analyst', 'admin'],
    ] as const) {
      const error = await failure(requireUser(await requestAs(role), required, store));
      expect([error.status, error.message]).toEqual([403, `this needs the ${required} role; u-${role} is signed in as ${role}`]);
    }
  });

  it('answers 403 to a state-changing request without the CSRF token, even for an admin', async () => {
    const error = await failure(requireUser(await requestAs('admin', 'DELETE', false), 'viewer', store));
    expect([error.status, error.message]).toEqual([403, 'the CSRF token is missing (send the x-csrf-token header)']);
  });
});
