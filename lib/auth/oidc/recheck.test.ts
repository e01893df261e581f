import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MetadataStore, SessionRecord } from '../../store/metadata-store';
import { openSqliteStore } from '../../store/sqlite/sqlite-store';
import { startSession, tokenHash } from '../sessions';
import { recheckOidcSession, revokeOidcTokens } from './recheck';

const ENV = {
  CLUSTERSCOPE_OIDC_ISSUER: 'http://127.0.0.1:9/',
  CLUSTERSCOPE_OIDC_CLIENT_ID: 'cs',
  CLUSTERSCOPE_OIDC_DEFAULT_ROLE: 'viewer',
  CLUSTERSCOPE_OIDC_RECHECK_SECONDS: '60',
};
const t0 = new Date('2026-12-01T10:00:00.000Z');
const grant = { subject: 's', accessToken: 'access', refreshToken: 'refresh' };
const user = { id: 'oidc:abc|s', name: 'sam', role: 'analyst' as const, provider: 'oidc' as const };

let store: MetadataStore;
const saved = new Map<string, string | undefined>();

beforeEach(() => {
  store = openSqliteStore({ file: ':memory:' });
  for (const [key, value] of Object.entries(ENV)) {
    saved.set(key, process.env[key]);
    process.env[key] = value;
  }
});

afterEach(async () => {
  await store.close();
  for (const [key, value] of saved) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

async function record(token: string): Promise<SessionRecord> {
  const found = await store.sessions.get(tokenHash(token));
  if (found === null) throw new Error('no session');
  return found;
}

describe('single sign-on re-check', () => {
  it('leaves a session alone within the interval, without asking the provider', async () => {
    const session = await startSession(store, user, t0, undefined, grant);
    const within = new Date(t0.getTime() + 59_000);
    expect(await recheckOidcSession(store, session.token, await record(session.token), within)).toMatchObject({ userId: user.id, role: 'analyst' });
  });

  it('ends the session after the interval when the provider cannot confirm it (here: nothing listens)', async () => {
    const session = await startSession(store, user, t0, undefined, grant);
    const later = new Date(t0.getTime() + 60_000);
    const current = await record(session.token);
    // Parallel requests share one re-check.
    const results = await Promise.all([recheckOidcSession(store, session.token, current, later), recheckOidcSession(store, session.token, current, later)]);
    expect(results).toEqual([null, null]);
    expect(await store.sessions.get(tokenHash(session.token))).toBeNull();
  });

  it('ends sessions without a stored grant, and every session once single sign-on is switched off', async () => {
    const bare = await startSession(store, user, t0);
    expect(await recheckOidcSession(store, bare.token, await record(bare.token), new Date(t0.getTime() + 61_000))).toBeNull();
    const session = await startSession(store, user, t0, undefined, grant);
    delete process.env.CLUSTERSCOPE_OIDC_ISSUER;
    expect(await recheckOidcSession(store, session.token, await record(session.token), t0)).toBeNull();
  });

  it('never throws at sign-out when the provider cannot be reached', async () => {
    const session = await startSession(store, user, t0, undefined, grant);
    await expect(revokeOidcTokens(session.token, await record(session.token))).resolves.toBeUndefined();
  });
});
