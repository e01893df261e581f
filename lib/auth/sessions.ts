/**
 * Server-side sessions in the metadata store. The cookie carries 32 random bytes
 * from `crypto.randomBytes`; the store keeps only their SHA-256, so logout
 * (deleting the row) ends the session for good and a copy of the database
 * holds no usable token. Each session has its own random CSRF token.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { MetadataStore, SessionRecord } from '../store/metadata-store';
import { demoAccountsEnabled } from './demo-accounts';
import { sealGrant, type OidcGrant } from './oidc/token-vault';
import type { SessionUser } from './roles';

/** How long a session lasts after sign-in. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

/** A base64url encoding of 32 bytes, the only shape a session token has. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** A signed-in user with the CSRF token of their session. */
export interface ActiveSession extends SessionUser {
  csrfToken: string;
}

/** What sign-in hands to the browser. */
export interface NewSession extends ActiveSession {
  /** The cookie value; never stored on the server. */
  token: string;
  expiresAt: Date;
}

/**
 * Brings a single sign-on session's claims up to date with the provider: the record
 * as it is now, or `null` when the session has ended (see `oidc/recheck.ts`).
 */
export type OidcRecheck = (store: MetadataStore, token: string, record: SessionRecord, now: Date) => Promise<SessionRecord | null>;

function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The key a token is stored under. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Starts a session for `user`, and drops expired ones on the way. A single sign-on
 * session keeps the provider's `grant` (sealed, see `oidc/token-vault.ts`) to re-check
 * the user's claims and to revoke the tokens at sign-out.
 */
export async function startSession(
  store: MetadataStore,
  user: SessionUser,
  now: Date = new Date(),
  ttlMs: number = SESSION_TTL_MS,
  grant?: OidcGrant,
): Promise<NewSession> {
  await store.sessions.deleteExpired(now);
  const token = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(now.getTime() + ttlMs);
  await store.sessions.create({
    tokenHash: tokenHash(token),
    userId: user.id,
    userName: user.name,
    role: user.role,
    provider: user.provider,
    csrfToken,
    createdAt: now.toISOString(),
    expiresAt: expiresAt.toISOString(),
    claimsCheckedAt: user.provider === 'oidc' ? now.toISOString() : null,
    oidcTokens: grant === undefined ? null : sealGrant(token, grant),
  });
  return { ...user, csrfToken, token, expiresAt };
}

/** The stored session behind a cookie value, or `null` when the token is missing, malformed, unknown or expired. */
export async function sessionRecord(store: MetadataStore, token: string | undefined, now: Date = new Date()): Promise<SessionRecord | null> {
  if (token === undefined || !TOKEN_SHAPE.test(token)) return null;
  const key = tokenHash(token);
  const session = await store.sessions.get(key);
  if (session === null) return null;
  if (Date.parse(session.expiresAt) <= now.getTime()) {
    await store.sessions.delete(key);
    return null;
  }
  return session;
}

/**
 * The session behind a cookie value, or `null` when the token is missing, malformed,
 * unknown or expired, or its account is gone. A local account's role is read afresh,
 * so a demotion applies at once; a demo account's session ends when the source is
 * no longer the sample; a single sign-on session goes through `recheck` (when given),
 * which follows the provider.
 */
export async function readSession(
  store: MetadataStore,
  token: string | undefined,
  now: Date = new Date(),
  demoEnabled: () => boolean = demoAccountsEnabled,
  recheck: OidcRecheck | null = null,
): Promise<ActiveSession | null> {
  let session = await sessionRecord(store, token, now);
  if (session === null || token === undefined) return null;
  if (session.provider === 'oidc' && recheck !== null) {
    session = await recheck(store, token, session, now);
    if (session === null) return null;
  }
  const found: ActiveSession = { id: session.userId, name: session.userName, role: session.role, provider: session.provider, csrfToken: session.csrfToken };
  if (session.provider === 'demo') return demoEnabled() ? found : null;
  if (session.provider === 'oidc') return found;
  const user = await store.users.get(session.userId);
  return user === null ? null : { ...found, role: user.role };
}

/** Ends the session behind a cookie value on the server; harmless when there is none. */
export async function endSession(store: MetadataStore, token: string | undefined): Promise<void> {
  if (token !== undefined && TOKEN_SHAPE.test(token)) await store.sessions.delete(tokenHash(token));
}
