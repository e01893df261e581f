import { describe, expect, it } from 'vitest';
import { DEFAULT_REMEMBER_MAX_AGE_MS, recallVerdict, rememberedKeyRecord, rememberMaxAgeMs, sessionTag, type RecallContext } from './remembered-key';

const HOUR = 60 * 60 * 1000;
const stored = rememberedKeyRecord({ user: 'alice', role: 'admin', session: 's1', profileId: 'p1', fingerprint: 'aa:bb' }, 1_000 * HOUR);
const context: RecallContext = {
  user: { name: 'alice', role: 'admin' },
  session: 's1',
  profiles: [{ id: 'p1', fingerprint: 'aa:bb' }],
  now: 1_000 * HOUR + HOUR,
  maxAgeMs: 8 * HOUR,
};

function reason(value: unknown, change: Partial<RecallContext>): string | null {
  const verdict = recallVerdict(value, { ...context, ...change });
  return verdict.usable ? null : verdict.reason;
}

describe('recallVerdict', () => {
  it('accepts the same user, role, session and profile within the maximum age', () => {
    expect(recallVerdict(stored, context)).toEqual({ usable: true, record: stored });
    expect(reason(stored, { now: stored.storedAt + 8 * HOUR })).toBeNull();
  });

  it('refuses it for another user, another role, another session, or nobody', () => {
    expect(reason(stored, { user: { name: 'bob', role: 'admin' } })).toBe('it was remembered by another user');
    expect(reason(stored, { user: { name: 'alice', role: 'analyst' } })).toBe('the role changed since it was remembered');
    expect(reason(stored, { session: 's2' })).toBe('it was remembered in an earlier session');
    expect(reason(stored, { user: null, session: null })).toBe('nobody is signed in');
  });

  it('refuses it once the profile changed or is gone', () => {
    expect(reason(stored, { profiles: [{ id: 'p1', fingerprint: 'cc:dd' }] })).toBe('its FLE profile was changed or removed');
    expect(reason(stored, { profiles: [] })).toBe('its FLE profile was changed or removed');
  });

  it('refuses it past the maximum age, from the future, or when remembering is off', () => {
    expect(reason(stored, { now: stored.storedAt + 8 * HOUR + 1 })).toBe('it is older than the maximum age');
    expect(reason(stored, { now: stored.storedAt - 1 })).toBe('it was stored at a time in the future');
    expect(reason(stored, { maxAgeMs: 0 })).toBe('remembering keys is turned off on this server');
  });

  it('refuses records of the old unbound format and anything malformed', () => {
    expect(reason({ key: {}, fingerprint: 'aa:bb' }, {})).toBe('the remembered key is from an older version of ClusterScope');
    for (const bad of [null, 'x', { ...stored, role: 'root' }, { ...stored, storedAt: Number.NaN }, { ...stored, user: 1 }])
      expect(reason(bad, {})).not.toBeNull();
  });
});

describe('rememberMaxAgeMs', () => {
  it('reads hours from the environment, 0 turns it off, nonsense keeps the default', () => {
    expect(rememberMaxAgeMs({})).toBe(DEFAULT_REMEMBER_MAX_AGE_MS);
    expect(rememberMaxAgeMs({ CLUSTERSCOPE_FLE_REMEMBER_HOURS: '1.5' })).toBe(1.5 * HOUR);
    expect(rememberMaxAgeMs({ CLUSTERSCOPE_FLE_REMEMBER_HOURS: '0' })).toBe(0);
    for (const bad of ['-1', 'eight', '1e3', '1000']) expect(rememberMaxAgeMs({ CLUSTERSCOPE_FLE_REMEMBER_HOURS: bad })).toBe(DEFAULT_REMEMBER_MAX_AGE_MS);
  });
});

describe('sessionTag', () => {
  it('is a stable hex digest that differs per session and does not contain the token', async () => {
    const tag = await sessionTag('csrf-token-1');
    expect(tag).toMatch(/^[0-9a-f]{64}$/);
    expect(await sessionTag('csrf-token-1')).toBe(tag);
    expect(await sessionTag('csrf-token-2')).not.toBe(tag);
  });
});
