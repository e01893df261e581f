/**
 * The three roles and their order. Free of Node imports, so the UI can hide the
 * controls a role may not use; the server is the authority (see `guard.ts`).
 */

/** Roles from least to most privileged; each includes everything the ones before it may do. */
export const ROLES = ['viewer', 'analyst', 'admin'] as const;

/** viewer: runs queries, views dashboards, opens links; analyst: also saves and shares; admin: also decrypts, audits and manages. */
export type Role = (typeof ROLES)[number];

/** Whether `value` names a role. */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Whether a user with role `actual` may do what needs role `required`. */
export function hasRole(actual: Role, required: Role): boolean {
  return ROLES.indexOf(actual) >= ROLES.indexOf(required);
}

/** The most privileged of `roles`, or `null` when there are none. */
export function highestRole(roles: Iterable<Role>): Role | null {
  let best: Role | null = null;
  for (const role of roles) if (best === null || hasRole(role, best)) best = role;
  return best;
}

/** How a user proved who they are: a local account, a demo account of the sample, or the OpenID Provider. */
export type AuthProvider = 'local' | 'demo' | 'oidc';

/** The signed-in user, as the server and the UI see them. */
export interface SessionUser {
  /**
   * The stable key records (links, audit, ownership) are keyed on: a local or demo
   * account's name, or `oidc:<issuer key>|<sub>` for a provider user (`oidc/identity.ts`).
   */
  id: string;
  /** The name shown; for a provider user only a label, never a key. */
  name: string;
  role: Role;
  provider: AuthProvider;
}
