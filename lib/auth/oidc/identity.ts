/**
 * Who a provider user is. A provider's names are not unique and not ours: anyone
 * may call themselves `admin` there. So an external user is keyed on what the
 * provider guarantees stable and unique (`iss` + `sub`), in a namespace no local
 * account name can enter, and the name is only shown.
 */
import { createHash } from 'node:crypto';
import type { OidcConfig } from './config';
import { nameFromClaims } from './claims';

type Claims = Readonly<Record<string, unknown>>;

/** A signed-in provider user: the stable key, the issuer and subject it is made of, and the name to show. */
export interface OidcIdentity {
  id: string;
  issuer: string;
  subject: string;
  name: string;
}

/**
 * The stable user key of subject `sub` at `issuer`: `oidc:<22 characters of the issuer's SHA-256>|<sub>`.
 * Local account names cannot contain `:` or `|`, so the two never meet.
 */
export function oidcUserId(issuer: string, subject: string): string {
  return `oidc:${createHash('sha256').update(issuer, 'utf8').digest('base64url').slice(0, 22)}|${subject}`;
}

/** Whether `id` is a provider user's key (not a local or demo account's name). */
export function isOidcUserId(id: string): boolean {
  return id.startsWith('oidc:');
}

/**
 * The identity in validated ID token (and userinfo) claims, or `null` when `iss` or `sub` is missing.
 * The shown name falls back to the subject when no configured name claim is usable.
 */
export function oidcIdentity(claims: Claims, config: Pick<OidcConfig, 'nameClaims'>): OidcIdentity | null {
  const { iss, sub } = claims;
  // OIDC Core: sub is at most 255 ASCII characters.
  if (typeof iss !== 'string' || !iss || typeof sub !== 'string' || !sub || sub.length > 255) return null;
  return { id: oidcUserId(iss, sub), issuer: iss, subject: sub, name: nameFromClaims(claims, config.nameClaims) ?? sub.slice(0, 200) };
}
