/** From an ID token's (or userinfo's) claims to a ClusterScope user. Pure, so every mapping is unit-tested. */
import { highestRole, type Role } from '../roles';
import type { OidcConfig } from './config';

type Claims = Readonly<Record<string, unknown>>;

/** The claim at `path`: a key as written first (`cognito:groups`, `https://x/roles`), else a dotted path. */
export function claimAt(claims: Claims, path: string): unknown {
  if (path in claims) return claims[path];
  let value: unknown = claims;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** A claim's values: an array of strings, or a string of values separated by commas or spaces. */
function claimValues(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean);
  return [];
}

/** The role the claims grant (the highest mapped value), else the default role, else `null`. */
export function roleFromClaims(claims: Claims, config: Pick<OidcConfig, 'roleClaim' | 'roleMap' | 'defaultRole'>): Role | null {
  const roles: Role[] = [];
  for (const value of claimValues(claimAt(claims, config.roleClaim))) {
    const role = config.roleMap.get(value);
    if (role) roles.push(role);
  }
  return highestRole(roles) ?? config.defaultRole;
}

/**
 * The name to show: the first of the configured claims that is a non-empty string.
 * The e-mail counts only when the provider says it is verified (`email_verified: true`):
 * anyone can type someone else's address into an account at many providers.
 */
export function nameFromClaims(claims: Claims, nameClaims: readonly string[]): string | null {
  for (const claim of nameClaims) {
    if (claim === 'email' && claims.email_verified !== true) continue;
    const value = claimAt(claims, claim);
    // Control characters would let a name fake lines in logs and audit exports.
    const name = typeof value === 'string' ? value.replace(/[\u0000-\u001f\u007f-\u009f]/g, '').trim() : '';
    if (name) return name.slice(0, 200);
  }
  return null;
}
