/**
 * Single sign-on sessions follow the provider. A session remembers when its
 * claims were last verified; once that is older than the re-check interval, the
 * next request refreshes them (with the refresh token when the provider issued
 * one, else userinfo with the access token), applies a changed role or name, and
 * ends the session when the provider refuses or no role is left.
 */
import * as client from 'openid-client';
import type { MetadataStore, SessionRecord } from '../../store/metadata-store';
import { claimAt, roleFromClaims } from './claims';
import { oidcConfig, type OidcConfig } from './config';
import { discover } from './discovery';
import { oidcIdentity } from './identity';
import { openGrant, sealGrant, type OidcGrant } from './token-vault';

const FLIGHTS_KEY = Symbol.for('clusterscope.auth.oidcRechecks');
type GlobalWithFlights = typeof globalThis & { [FLIGHTS_KEY]?: Map<string, Promise<SessionRecord | null>> };

/** Re-checks in progress, by session: parallel requests share one, so a rotated refresh token is never used twice. */
function flights(): Map<string, Promise<SessionRecord | null>> {
  const holder = globalThis as GlobalWithFlights;
  holder[FLIGHTS_KEY] ??= new Map();
  return holder[FLIGHTS_KEY];
}

function settings(): OidcConfig | null {
  try {
    return oidcConfig();
  } catch {
    return null;
  }
}

function isFresh(record: SessionRecord, config: OidcConfig, now: Date): boolean {
  const checked = record.claimsCheckedAt === null ? Number.NaN : Date.parse(record.claimsCheckedAt);
  return checked + config.recheckSeconds * 1000 > now.getTime();
}

async function verify(store: MetadataStore, token: string, record: SessionRecord, config: OidcConfig, now: Date): Promise<SessionRecord> {
  if (record.oidcTokens === null) throw new Error('the session holds no provider tokens');
  const grant = openGrant(token, record.oidcTokens);
  const configuration = await discover(config);
  let next: OidcGrant = grant;
  let claims: Record<string, unknown> = {};
  if (grant.refreshToken) {
    const tokens = await client.refreshTokenGrant(configuration, grant.refreshToken);
    next = { subject: grant.subject, accessToken: tokens.access_token, refreshToken: tokens.refresh_token ?? grant.refreshToken };
    claims = { ...tokens.claims() };
    if (claims.sub !== undefined && claims.sub !== grant.subject) throw new Error('the provider answered for another subject');
  }
  if (claimAt(claims, config.roleClaim) === undefined) {
    claims = { ...(await client.fetchUserInfo(configuration, next.accessToken, grant.subject)), ...claims };
  }
  const role = roleFromClaims(claims, config);
  if (role === null) throw new Error('the provider no longer grants a ClusterScope role');
  const issuer = configuration.serverMetadata().issuer;
  const identity = oidcIdentity({ ...claims, iss: issuer, sub: grant.subject }, config);
  if (identity === null || identity.id !== record.userId) throw new Error('the provider answered for another user');
  const updated: SessionRecord = { ...record, role, userName: identity.name, claimsCheckedAt: now.toISOString(), oidcTokens: sealGrant(token, next) };
  await store.sessions.updateClaims(record.tokenHash, {
    userName: updated.userName,
    role,
    claimsCheckedAt: updated.claimsCheckedAt!,
    oidcTokens: updated.oidcTokens,
  });
  await store.identities.record(identity, now);
  return updated;
}

/**
 * The single sign-on session `record` (of cookie token `token`) with claims no older
 * than the re-check interval, or `null` after ending it: the provider refused, the
 * user has no role any more, or single sign-on is no longer configured.
 */
export async function recheckOidcSession(store: MetadataStore, token: string, record: SessionRecord, now: Date = new Date()): Promise<SessionRecord | null> {
  const config = settings();
  if (config !== null && isFresh(record, config, now)) return record;
  const running = flights().get(record.tokenHash);
  if (running) return running;
  const flight = (async (): Promise<SessionRecord | null> => {
    // Another request may have re-checked since `record` was read.
    const current = await store.sessions.get(record.tokenHash);
    if (current === null) return null;
    if (config !== null && isFresh(current, config, now)) return current;
    try {
      if (config === null) throw new Error('single sign-on is no longer configured');
      return await verify(store, token, current, config, now);
    } catch (error) {
      console.warn(`single sign-on session of ${current.userId} ended at its re-check: ${error instanceof Error ? error.message : String(error)}`);
      await store.sessions.delete(current.tokenHash);
      return null;
    }
  })();
  flights().set(record.tokenHash, flight);
  try {
    return await flight;
  } finally {
    flights().delete(record.tokenHash);
  }
}

/**
 * Revokes the provider tokens of single sign-on session `record` at sign-out, where
 * the provider offers revocation (RFC 7009). Never throws: the session ends regardless.
 */
export async function revokeOidcTokens(token: string, record: SessionRecord): Promise<void> {
  const config = settings();
  if (record.oidcTokens === null || config === null) return;
  try {
    const grant = openGrant(token, record.oidcTokens);
    const configuration = await discover(config);
    if (!configuration.serverMetadata().revocation_endpoint) return;
    if (grant.refreshToken) await client.tokenRevocation(configuration, grant.refreshToken, { token_type_hint: 'refresh_token' });
    await client.tokenRevocation(configuration, grant.accessToken, { token_type_hint: 'access_token' });
  } catch (error) {
    console.warn(`single sign-on tokens of ${record.userId} could not be revoked: ${error instanceof Error ? error.message : String(error)}`);
  }
}
