/**
 * Single sign-on settings from the environment. OIDC is on when an issuer and a
 * client id are set; the role comes from a configurable claim (Cognito
 * `cognito:groups`, Okta `groups`, Entra `roles`, Keycloak `realm_access.roles`...)
 * through a value → role map.
 */
import { isRole, type Role } from '../roles';

type Env = Readonly<Record<string, string | undefined>>;

/** Parsed OIDC settings. */
export interface OidcConfig {
  issuer: URL;
  clientId: string;
  /** Absent for a public client (PKCE only). */
  clientSecret?: string;
  /** Shown on the button: "Sign in with …". */
  displayName: string;
  scopes: string;
  /** Claim holding the user's groups or roles; a dotted path reaches into objects. */
  roleClaim: string;
  /** Claim value → role; the highest role of all matching values wins. */
  roleMap: ReadonlyMap<string, Role>;
  /** Role for a user none of whose values map, or `null` to refuse them. */
  defaultRole: Role | null;
  /** Claims tried in order for the user's name. */
  nameClaims: readonly string[];
  /** The callback URL the provider knows, when it cannot be derived from the request (reverse proxies). */
  redirectUrl?: string;
  /** How long a session's claims hold before the provider is asked again (role changes, removed users). */
  recheckSeconds: number;
}

/** Default of `CLUSTERSCOPE_OIDC_RECHECK_SECONDS`: a role change at the provider applies within 15 minutes. */
export const DEFAULT_RECHECK_SECONDS = 15 * 60;

function parseRecheckSeconds(text: string | undefined): number {
  const raw = text?.trim();
  if (!raw) return DEFAULT_RECHECK_SECONDS;
  const seconds = Number(raw);
  if (!/^\d+$/.test(raw) || seconds < 1 || seconds > 24 * 60 * 60) {
    throw new OidcConfigError(`CLUSTERSCOPE_OIDC_RECHECK_SECONDS "${raw}" must be a whole number of seconds from 1 to 86400`);
  }
  return seconds;
}

/** Settings that are present but wrong. */
export class OidcConfigError extends Error {
  override readonly name = 'OidcConfigError';
}

function parseRoleMap(text: string): Map<string, Role> {
  const map = new Map<string, Role>();
  for (const entry of text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const at = entry.lastIndexOf('=');
    const value = entry.slice(0, at).trim();
    const role = entry.slice(at + 1).trim();
    if (at <= 0 || !value || !isRole(role)) {
      throw new OidcConfigError(`CLUSTERSCOPE_OIDC_ROLE_MAP entry "${entry}" must be <claim value>=<viewer|analyst|admin>`);
    }
    map.set(value, role);
  }
  return map;
}

/** The OIDC settings, `null` when single sign-on is not configured. Throws {@link OidcConfigError} on bad values. */
export function oidcConfig(env: Env = process.env): OidcConfig | null {
  const issuerText = env.CLUSTERSCOPE_OIDC_ISSUER?.trim();
  const clientId = env.CLUSTERSCOPE_OIDC_CLIENT_ID?.trim();
  if (!issuerText || !clientId) return null;
  let issuer: URL;
  try {
    issuer = new URL(issuerText);
  } catch {
    throw new OidcConfigError(`CLUSTERSCOPE_OIDC_ISSUER "${issuerText}" is not a URL`);
  }
  const loopback = issuer.hostname === 'localhost' || issuer.hostname === '127.0.0.1' || issuer.hostname === '[::1]';
  if (issuer.protocol !== 'https:' && !(issuer.protocol === 'http:' && loopback)) {
    throw new OidcConfigError(`CLUSTERSCOPE_OIDC_ISSUER must use https (http only on localhost), not ${issuer.protocol}`);
  }
  const defaultRole = env.CLUSTERSCOPE_OIDC_DEFAULT_ROLE?.trim() || null;
  if (defaultRole !== null && !isRole(defaultRole))
    throw new OidcConfigError(`CLUSTERSCOPE_OIDC_DEFAULT_ROLE "${defaultRole}" is not viewer, analyst or admin`);
  const roleMap = parseRoleMap(env.CLUSTERSCOPE_OIDC_ROLE_MAP ?? '');
  if (roleMap.size === 0 && defaultRole === null) {
    throw new OidcConfigError('set CLUSTERSCOPE_OIDC_ROLE_MAP (e.g. "cs-admins=admin,cs-analysts=analyst") or CLUSTERSCOPE_OIDC_DEFAULT_ROLE');
  }
  return {
    issuer,
    clientId,
    clientSecret: env.CLUSTERSCOPE_OIDC_CLIENT_SECRET || undefined,
    displayName: env.CLUSTERSCOPE_OIDC_NAME?.trim() || 'single sign-on',
    scopes: env.CLUSTERSCOPE_OIDC_SCOPES?.trim() || 'openid profile email',
    roleClaim: env.CLUSTERSCOPE_OIDC_ROLE_CLAIM?.trim() || 'groups',
    roleMap,
    defaultRole,
    nameClaims: (env.CLUSTERSCOPE_OIDC_NAME_CLAIM?.trim() || 'preferred_username,email,sub')
      .split(',')
      .map((claim) => claim.trim())
      .filter(Boolean),
    redirectUrl: env.CLUSTERSCOPE_OIDC_REDIRECT_URL?.trim() || undefined,
    recheckSeconds: parseRecheckSeconds(env.CLUSTERSCOPE_OIDC_RECHECK_SECONDS),
  };
}
