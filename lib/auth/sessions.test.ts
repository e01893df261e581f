import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MetadataStore } from '../store/metadata-store';
import { openSqliteStore } from '../store/sqlite/sqlite-store';
import { addUser, changeUser } from './users';
import type { SessionRecord } from '../store/metadata-store';
import { endSession, readSession, SESSION_TTL_MS, startSession, tokenHash, type OidcRecheck } from './sessions';
import { openGrant } from './oidc/token-vault';

let store: MetadataStore;
const t0 = new Date('2026-11-28T10:00:00.000Z');
const demoOn = (): boolean => true;

beforeEach(() => {
  store = openSqliteStore({ file: ':memory:' });
});

afterEach(async () => {
  await store.close();
});

describe('sessions', () => {
  it('start with random 32-byte tokens, stored only as their SHA-256', async () => {
    const a = await startSession(store, { id: 'ann', name: 'ann', role: 'viewer', provider: 'oidc' }, t0);
    const b = await startSession(store, { id: 'ann', name: 'ann', role: 'viewer', provider: 'oidc' }, t0);
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.token).not.toBe(b.token);
    expect(a.csrfToken).not.toBe(b.csrfToken);
    expect(a.expiresAt.getTime() - t0.getTime()).toBe(SESSION_TTL_MS);
    expect(await store.sessions.get(a.token)).toBeNull();
    expect(await store.sessions.get(tokenHash(a.token))).toMatchObject({ userName: 'ann', role: 'viewer' });
    expect(await readSession(store, a.token, t0, demoOn)).toEqual({ id: 'ann', name: 'ann', role: 'viewer', provider: 'oidc', csrfToken: a.csrfToken });
  });

  it('refuse missing, malformed, forged and expired tokens', async () => {
    const session = await startSession(store, { id: 'ann', name: 'ann', role: 'admin', provider: 'oidc' }, t0);
    expect(await readSession(store, undefined, t0, demoOn)).toBeNull();
    expect(await readSession(store, 'short', t0, demoOn)).toBeNull();
    expect(await readSession(store, `${session.token.slice(0, -1)}${session.token.endsWith('A') ? 'B' : 'A'}`, t0, demoOn)).toBeNull();
    const later = new Date(t0.getTime() + SESSION_TTL_MS);
    expect(await readSession(store, session.token, later, demoOn)).toBeNull();
    // The expired row is gone, so it cannot come back with a wrong clock either.
    expect(await readSession(store, session.token, t0, demoOn)).toBeNull();
  });

  it('end on the server at logout', async () => {
    const session = await startSession(store, { id: 'ann', name: 'ann', role: 'admin', provider: 'oidc' }, t0);
    await endSession(store, session.token);
    expect(await readSession(store, session.token, t0, demoOn)).toBeNull();
    await endSession(store, undefined);
  });

  it('follow the local account: a role change applies and ends sessions, a deleted account has none', async () => {
    await addUser(store, 'bob', 'admin', 'a long enough password');
    const first = await startSession(store, { id: 'bob', name: 'bob', role: 'admin', provider: 'local' }, t0);
    expect((await readSession(store, first.token, t0, demoOn))?.role).toBe('admin');
    await changeUser(store, 'bob', { role: 'viewer' });
    expect(await readSession(store, first.token, t0, demoOn)).toBeNull();
    const second = await startSession(store, { id: 'bob', name: 'bob', role: 'admin', provider: 'local' }, t0);
    expect((await readSession(store, second.token, t0, demoOn))?.role).toBe('viewer');
    await store.users.delete('bob');
    expect(await readSession(store, second.token, t0, demoOn)).toBeNull();
  });

  it('of demo accounts end when the source is no longer the sample', async () => {
    const session = await startSession(store, { id: 'admin', name: 'admin', role: 'admin', provider: 'demo' }, t0);
    expect(await readSession(store, session.token, t0, demoOn)).not.toBeNull();
    expect(await readSession(store, session.token, t0, () => false)).toBeNull();
  });

  it('drop expired rows when a new session starts', async () => {
    await startSession(store, { id: 'old', name: 'old', role: 'viewer', provider: 'oidc' }, t0, 1000);
    const fresh = await startSession(store, { id: 'new', name: 'new', role: 'viewer', provider: 'oidc' }, new Date(t0.getTime() + 2000));
    expect(await store.sessions.deleteExpired(new Date(t0.getTime() + 2000))).toBe(0);
    expect(await readSession(store, fresh.token, t0, demoOn)).not.toBeNull();
  });

  it('of single sign-on keep the provider grant sealed on the server, keyed on the stable id', async () => {
    const grant = { subject: 'sub-1', accessToken: 'access-secret', refreshToken: 'refresh-secret' };
    const user = { id: 'oidc:abc|sub-1', name: 'admin', role: 'viewer' as const, provider: 'oidc' as const };
    const session = await startSession(store, user, t0, SESSION_TTL_MS, grant);
    const record = await store.sessions.get(tokenHash(session.token));
    expect(record).toMatchObject({ userId: 'oidc:abc|sub-1', userName: 'admin', claimsCheckedAt: t0.toISOString() });
    expect(JSON.stringify(record)).not.toContain('secret');
    expect(openGrant(session.token, record?.oidcTokens ?? '')).toEqual(grant);
    // A role change of the local "admin" account does not touch the provider user who calls themselves admin.
    await store.sessions.deleteForUser('admin');
    expect(await store.sessions.get(tokenHash(session.token))).not.toBeNull();
  });

  it('of single sign-on go through the re-check, which may change the role or end them', async () => {
    const session = await startSession(store, { id: 'oidc:abc|s', name: 'sam', role: 'analyst', provider: 'oidc' }, t0);
    const local = await startSession(store, { id: 'admin', name: 'admin', role: 'admin', provider: 'demo' }, t0);
    const seen: SessionRecord[] = [];
    const demote: OidcRecheck = async (_store, token, record) => {
      seen.push(record);
      expect(token).toBe(session.token);
      return { ...record, role: 'viewer', userName: 'Sam' };
    };
    expect(await readSession(store, session.token, t0, demoOn, demote)).toEqual({
      id: 'oidc:abc|s',
      name: 'Sam',
      role: 'viewer',
      provider: 'oidc',
      csrfToken: session.csrfToken,
    });
    expect(await readSession(store, local.token, t0, demoOn, demote)).toMatchObject({ id: 'admin', role: 'admin' });
    expect(seen.map((record) => record.userId)).toEqual(['oidc:abc|s']);
    expect(await readSession(store, session.token, t0, demoOn, async () => null)).toBeNull();
  });
});
