import { describe, expect, it } from 'vitest';
import { SignInThrottle, throttleSettingsFromEnv, type ThrottleSettings } from './throttle';

const settings: ThrottleSettings = { accountAttempts: 3, clientAttempts: 5, windowMs: 60_000, backoffMs: 10_000, maxBackoffMs: 40_000 };

function clock(): { now: () => number; advance: (ms: number) => void } {
  let at = 1_000_000;
  return { now: () => at, advance: (ms) => (at += ms) };
}

describe('SignInThrottle', () => {
  it('allows the account its attempts, then refuses with the back-off', () => {
    const time = clock();
    const throttle = new SignInThrottle(settings, time.now);
    for (let i = 0; i < 3; i++) expect(throttle.attempt('dana', 'c1')).toEqual({ allowed: true });
    expect(throttle.attempt('dana', 'c1')).toEqual({ allowed: false, retryAfterSeconds: 10, key: 'account' });
    time.advance(4_000);
    expect(throttle.attempt('Dana ', 'c2')).toEqual({ allowed: false, retryAfterSeconds: 6, key: 'account' });
    // Another account from the same client is not locked by dana's lockout.
    expect(throttle.attempt('erin', 'c1')).toEqual({ allowed: true });
  });

  it('doubles the back-off on each lockout up to the maximum', () => {
    const time = clock();
    const throttle = new SignInThrottle({ ...settings, clientAttempts: 1_000 }, time.now);
    const lockouts: number[] = [];
    for (let round = 0; round < 4; round++) {
      for (let i = 0; i < 3; i++) expect(throttle.attempt('dana', 'c1').allowed).toBe(true);
      const refused = throttle.attempt('dana', 'c1');
      if (refused.allowed) throw new Error('expected a refusal');
      lockouts.push(refused.retryAfterSeconds);
      time.advance(refused.retryAfterSeconds * 1000);
    }
    expect(lockouts).toEqual([10, 20, 40, 40]);
  });

  it('limits one client across many account names', () => {
    const time = clock();
    const throttle = new SignInThrottle(settings, time.now);
    for (let i = 0; i < 5; i++) expect(throttle.attempt(`user${i}`, 'c1').allowed).toBe(true);
    expect(throttle.attempt('user9', 'c1')).toEqual({ allowed: false, retryAfterSeconds: 10, key: 'client' });
    expect(throttle.attempt('user9', 'c2')).toEqual({ allowed: true });
  });

  it('starts over after a success, and after a quiet window', () => {
    const time = clock();
    const throttle = new SignInThrottle(settings, time.now);
    for (let i = 0; i < 3; i++) throttle.attempt('dana', 'c1');
    throttle.succeeded('dana', 'c1');
    for (let i = 0; i < 3; i++) expect(throttle.attempt('dana', 'c1').allowed).toBe(true);
    expect(throttle.attempt('dana', 'c1').allowed).toBe(false);
    time.advance(10_000 + 60_000);
    expect(throttle.attempt('dana', 'c1')).toEqual({ allowed: true });
  });

  it('does not count refused attempts, so waiting out the back-off works', () => {
    const time = clock();
    const throttle = new SignInThrottle(settings, time.now);
    for (let i = 0; i < 4; i++) throttle.attempt('dana', 'c1');
    for (let i = 0; i < 50; i++) {
      time.advance(100);
      throttle.attempt('dana', 'c1');
    }
    time.advance(5_000);
    expect(throttle.attempt('dana', 'c1')).toEqual({ allowed: true });
  });
});

describe('throttleSettingsFromEnv', () => {
  it('reads the variables and falls back on nonsense', () => {
    expect(throttleSettingsFromEnv({})).toEqual({ accountAttempts: 5, clientAttempts: 20, windowMs: 900_000, backoffMs: 30_000, maxBackoffMs: 900_000 });
    const custom = throttleSettingsFromEnv({ CLUSTERSCOPE_SIGNIN_ACCOUNT_ATTEMPTS: '8', CLUSTERSCOPE_SIGNIN_BACKOFF_SECONDS: 'soon' });
    expect(custom.accountAttempts).toBe(8);
    expect(custom.backoffMs).toBe(30_000);
  });
});
