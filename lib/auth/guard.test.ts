import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { httpFailure as failure } from '../store/testing';
import type { MetadataStore } from '../store/metadata-store';
import { openSqliteStore } from '../store/sqlite/sqlite-store';
import { requireUser } from './guard';
import type { Role } from './roles';
import { startSession } from './sessions';

let store: MetadataStore;

beforeEach(() => {
  store = openSqliteStore({ file: ':memory:' });
});

afterEach(async () => {
  await store.close();
});

async function requestAs(role: Role, method = 'GET', withToken = true): Promise<Request> {
  const session = await startSession(store, { name: `u-${role}`, role, provider: 'oidc' });
  const headers: Record<string, string> = { cookie: `other=1; cs_session=${session.token}` };
  if (withToken) headers['x-csrf-token'] = session.csrfToken;
  return new Request('http://localhost/api/x', { method, headers });
}

describe('requireUser', () => {
  it('returns the user when their role is enough', async () => {
    expect(await requireUser(await requestAs('admin'), 'admin', store)).toEqual({ name: 'u-admin', role: 'admin', provider: 'oidc' });
    expect(await requireUser(await requestAs('admin'), 'viewer', store)).toMatchObject({ role: 'admin' });
    expect(await requireUser(await requestAs('analyst', 'POST'), 'analyst', store)).toMatchObject({ role: 'analyst' });
  });

  it('answers 401 without a valid session', async () => {
    const none = await failure(requireUser(new Request('http://localhost/api/x'), 'viewer', store));
    expect([none.status, none.message]).toEqual([401, 'sign in required: your session is missing or has expired']);
    const forged = await failure(requireUser(new Request('http://localhost/api/x', { headers: { cookie: `cs_session=${'x'.repeat(43)}` } }), 'viewer', store));
    expect(forged.status).toBe(401);
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
