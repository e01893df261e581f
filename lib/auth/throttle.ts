/**
 * Sign-in throttling: every attempt counts against the account it names and
 * the client it comes from. Past the limit, that key is refused for a back-off
 * that doubles with each further lockout (up to a maximum), so guessing costs
 * time rather than the server's CPU. Attempts are counted when they start, so a
 * burst of parallel guesses cannot slip through before the first one fails.
 */

/** Limits and back-off; see {@link throttleSettingsFromEnv} for the defaults. */
export interface ThrottleSettings {
  /** Attempts per account name within the window before a lockout. */
  accountAttempts: number;
  /** Attempts per client (IP address) within the window before a lockout. */
  clientAttempts: number;
  /** A key that has been quiet this long starts over (counts and back-off). */
  windowMs: number;
  /** First lockout; each further one doubles it. */
  backoffMs: number;
  /** Longest lockout. */
  maxBackoffMs: number;
}

/** Whether an attempt may go ahead, or how long it must wait. */
export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number; key: 'account' | 'client' };

interface Entry {
  attempts: number;
  windowStart: number;
  lockedUntil: number;
  lockouts: number;
}

/** Most keys remembered per kind; the oldest are forgotten first, so a flood of names cannot exhaust memory. */
const MAX_KEYS = 10_000;

class Counter {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly limit: number,
    private readonly settings: ThrottleSettings,
  ) {}

  /** Milliseconds this key must still wait, or 0. */
  waitFor(key: string, now: number): number {
    const entry = this.fresh(key, now);
    return entry && now < entry.lockedUntil ? entry.lockedUntil - now : 0;
  }

  /** Counts one attempt; the milliseconds of a lockout it started, or 0. */
  count(key: string, now: number): number {
    const entry = this.fresh(key, now) ?? { attempts: 0, windowStart: now, lockedUntil: 0, lockouts: 0 };
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > MAX_KEYS) this.entries.delete(this.entries.keys().next().value as string);
    entry.attempts += 1;
    if (entry.attempts <= this.limit) return 0;
    entry.lockouts += 1;
    const backoff = Math.min(this.settings.maxBackoffMs, this.settings.backoffMs * 2 ** (entry.lockouts - 1));
    entry.lockedUntil = now + backoff;
    entry.attempts = 0;
    entry.windowStart = now;
    return backoff;
  }

  /** Gives back one attempt (a success from a shared client). */
  refund(key: string, now: number): void {
    const entry = this.fresh(key, now);
    if (entry && entry.attempts > 0) entry.attempts -= 1;
  }

  forget(key: string): void {
    this.entries.delete(key);
  }

  private fresh(key: string, now: number): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && now >= Math.max(entry.lockedUntil, entry.windowStart) + this.settings.windowMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }
}

/** Per-account and per-client attempt counters with back-off. */
export class SignInThrottle {
  private readonly accounts: Counter;
  private readonly clients: Counter;

  constructor(
    settings: ThrottleSettings,
    private readonly now: () => number = Date.now,
  ) {
    this.accounts = new Counter(settings.accountAttempts, settings);
    this.clients = new Counter(settings.clientAttempts, settings);
  }

  /**
   * Counts an attempt for `account` from `client`, unless either is locked out.
   * A refused attempt is not counted again, so waiting out the back-off always works.
   */
  attempt(account: string, client: string): ThrottleDecision {
    const now = this.now();
    const accountKey = account.trim().toLowerCase().slice(0, 256);
    const waits: [number, 'account' | 'client'][] = [
      [this.accounts.waitFor(accountKey, now), 'account'],
      [this.clients.waitFor(client, now), 'client'],
    ];
    const [wait, key] = waits.reduce((a, b) => (b[0] > a[0] ? b : a));
    if (wait > 0) return { allowed: false, retryAfterSeconds: Math.ceil(wait / 1000), key };
    const accountLock = this.accounts.count(accountKey, now);
    const clientLock = this.clients.count(client, now);
    const lock = Math.max(accountLock, clientLock);
    if (lock > 0) return { allowed: false, retryAfterSeconds: Math.ceil(lock / 1000), key: accountLock >= clientLock ? 'account' : 'client' };
    return { allowed: true };
  }

  /** A correct password: the account starts over, and the client gets its attempt back. */
  succeeded(account: string, client: string): void {
    this.accounts.forget(account.trim().toLowerCase().slice(0, 256));
    this.clients.refund(client, this.now());
  }
}

function positive(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    console.warn(`${name}=${raw} is not a positive number; using ${fallback}`);
    return fallback;
  }
  return value;
}

/** The limits from `CLUSTERSCOPE_SIGNIN_*` variables (documented in the README), with their defaults. */
export function throttleSettingsFromEnv(env: Record<string, string | undefined> = process.env): ThrottleSettings {
  return {
    accountAttempts: Math.floor(positive(env, 'CLUSTERSCOPE_SIGNIN_ACCOUNT_ATTEMPTS', 5)),
    clientAttempts: Math.floor(positive(env, 'CLUSTERSCOPE_SIGNIN_CLIENT_ATTEMPTS', 20)),
    windowMs: positive(env, 'CLUSTERSCOPE_SIGNIN_WINDOW_SECONDS', 900) * 1000,
    backoffMs: positive(env, 'CLUSTERSCOPE_SIGNIN_BACKOFF_SECONDS', 30) * 1000,
    maxBackoffMs: positive(env, 'CLUSTERSCOPE_SIGNIN_MAX_BACKOFF_SECONDS', 900) * 1000,
  };
}
