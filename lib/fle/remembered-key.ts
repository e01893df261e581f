/**
 * When a key remembered on this device ("Remember on this device") may be
 * used again. The stored record is bound to who stored it and for how long:
 *
 * - the user (name) and role, and the session: a tag derived from the
 *   session's CSRF token, which is new for every sign-in. Signing out, a role
 *   change (which ends the user's sessions) or an expired session therefore
 *   makes the record unusable even if the explicit forget on sign-out never ran;
 * - the FLE profile (id and public-key fingerprint): a replaced key or a
 *   deleted profile makes it unusable;
 * - a maximum age (`CLUSTERSCOPE_FLE_REMEMBER_HOURS`, default 8 h) from the
 *   time it was stored.
 *
 * An unusable record is deleted by the caller. The idle lock forgets the
 * remembered key too (see `FleProvider`), so after 15 idle minutes the key has
 * to be loaded again from its file, never unlocked with one click.
 * Pure: the IndexedDB side is `key-store.ts`.
 */
import type { Role } from '../auth/roles';
import { isRole } from '../auth/roles';

/** The record format; a record of another format (an older build's) is unusable. */
export const REMEMBERED_KEY_FORMAT = 2;

/** Default maximum age of a remembered key. */
export const DEFAULT_REMEMBER_MAX_AGE_MS = 8 * 60 * 60 * 1000;

/** What a remembered key is bound to. */
export interface KeyBinding {
  user: string;
  role: Role;
  /** Hex SHA-256 of the session's CSRF token (`sessionTag`): never the token itself. */
  session: string;
  profileId: string;
  fingerprint: string;
}

/** The stored record, without the key handle (which only the browser can check). */
export interface RememberedKeyRecord extends KeyBinding {
  format: typeof REMEMBERED_KEY_FORMAT;
  /** Milliseconds since the epoch. */
  storedAt: number;
}

/** Who asks, and when. */
export interface RecallContext {
  user: { name: string; role: Role } | null;
  session: string | null;
  /** The profiles the server lists now. */
  profiles: readonly { id: string; fingerprint: string }[];
  now: number;
  /** 0 turns remembering off: every record is unusable. */
  maxAgeMs: number;
}

export type RecallVerdict = { usable: true; record: RememberedKeyRecord } | { usable: false; reason: string };

function isRecord(value: unknown): value is RememberedKeyRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    record.format === REMEMBERED_KEY_FORMAT &&
    typeof record.user === 'string' &&
    isRole(record.role) &&
    typeof record.session === 'string' &&
    typeof record.profileId === 'string' &&
    typeof record.fingerprint === 'string' &&
    typeof record.storedAt === 'number' &&
    Number.isFinite(record.storedAt)
  );
}

/** Whether the stored `value` may unlock the key for `context`, or why not (for the UI and tests). */
export function recallVerdict(value: unknown, context: RecallContext): RecallVerdict {
  if (!isRecord(value)) return { usable: false, reason: 'the remembered key is from an older version of ClusterScope' };
  if (context.maxAgeMs <= 0) return { usable: false, reason: 'remembering keys is turned off on this server' };
  if (context.user === null || context.session === null) return { usable: false, reason: 'nobody is signed in' };
  if (value.user !== context.user.name) return { usable: false, reason: 'it was remembered by another user' };
  if (value.role !== context.user.role) return { usable: false, reason: 'the role changed since it was remembered' };
  if (value.session !== context.session) return { usable: false, reason: 'it was remembered in an earlier session' };
  if (!context.profiles.some((profile) => profile.id === value.profileId && profile.fingerprint === value.fingerprint)) {
    return { usable: false, reason: 'its FLE profile was changed or removed' };
  }
  // A time in the future means a changed clock: not trusted.
  if (value.storedAt > context.now) return { usable: false, reason: 'it was stored at a time in the future' };
  if (context.now - value.storedAt > context.maxAgeMs) return { usable: false, reason: 'it is older than the maximum age' };
  return { usable: true, record: value };
}

/** The record to store for a key loaded now. */
export function rememberedKeyRecord(binding: KeyBinding, now: number): RememberedKeyRecord {
  return { format: REMEMBERED_KEY_FORMAT, ...binding, storedAt: now };
}

/** The session tag: hex SHA-256 of the session's CSRF token, so the stored record holds no usable token. */
export async function sessionTag(csrfToken: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`clusterscope-fle-remember:${csrfToken}`));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * The maximum age from `CLUSTERSCOPE_FLE_REMEMBER_HOURS` (hours, decimals
 * allowed, 0 turns remembering off; at most a week). Anything else: the default.
 */
export function rememberMaxAgeMs(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const raw = env.CLUSTERSCOPE_FLE_REMEMBER_HOURS?.trim();
  if (!raw || !/^\d+(\.\d+)?$/.test(raw)) return DEFAULT_REMEMBER_MAX_AGE_MS;
  const hours = Number(raw);
  return hours <= 24 * 7 ? Math.round(hours * 60 * 60 * 1000) : DEFAULT_REMEMBER_MAX_AGE_MS;
}
