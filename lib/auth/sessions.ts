/**
 * Server-side sessions in the metadata store. The cookie carries 32 random bytes
 * from `crypto.randomBytes`; the store keeps only their SHA-256, so logout
 * (deleting the row) ends the session for good and a copy of the database
 * holds no usable token. Each session has its own random CSRF token.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { MetadataStore } from '../store/metadata-store';
import { demoAccountsEnabled } from './demo-accounts';
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

function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The key a token is stored under. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Starts a session for `user`, and drops expired ones on the way. */
export async function startSession(store: MetadataStore, user: SessionUser, now: Date = new Date(), ttlMs: number = SESSION_TTL_MS): Promise<NewSession> {
  await store.sessions.deleteExpired(now);
  const token = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(now.getTime() + ttlMs);
  await store.sessions.create({
    tokenHash: tokenHash(token),
    userName: user.name,
    role: user.role,
    provider: user.provider,
    csrfToken,
    createdAt: now.toISOString(),
    expiresAt: expiresAt.toISOString(),
  });
  return { ...user, csrfToken, token, expiresAt };
}

/**
 * The session behind a cookie value, or `null` when the token is missing, malformed,
 * unknown or expired, or its account is gone. A local account's role is read afresh,
 * so a demotion applies at once; a demo account's session ends when the source is
 * no longer the sample.
 */
export async function readSession(
  store: MetadataStore,
  token: string | undefined,
  now: Date = new Date(),
  demoEnabled: () => boolean = demoAccountsEnabled,
): Promise<ActiveSession | null> {
  if (token === undefined || !TOKEN_SHAPE.test(token)) return null;
  const key = tokenHash(token);
  const session = await store.sessions.get(key);
  if (session === null) return null;
  if (Date.parse(session.expiresAt) <= now.getTime()) {
    await store.sessions.delete(key);
    return null;
  }
  const found: ActiveSession = { name: session.userName, role: session.role, provider: session.provider, csrfToken: session.csrfToken };
  if (session.provider === 'demo') return demoEnabled() ? found : null;
  if (session.provider === 'oidc') return found;
  const user = await store.users.get(session.userName);
  return user === null ? null : { ...found, role: user.role };
}

/** Ends the session behind a cookie value on the server; harmless when there is none. */
export async function endSession(store: MetadataStore, token: string | undefined): Promise<void> {
  if (token !== undefined && TOKEN_SHAPE.test(token)) await store.sessions.delete(tokenHash(token));
}
