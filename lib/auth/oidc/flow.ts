/**
 * Sign-in through an OpenID Provider with `openid-client` (certified RP library):
 * authorization code flow with PKCE, state and nonce. The ID token is validated by
 * the library; its claims (or userinfo's, when the role claim is not in the token)
 * give the user's name and role, and a normal server-side session starts.
 */
import * as client from 'openid-client';
import { getStore } from '../../store/server';
import { cookieName, hostCookie, readCookie, sessionCookies } from '../cookies';
import { requestHost } from '../csrf';
import { safeNextPath, signInPath } from '../redirect';
import { seeOther } from '../see-other';
import { startSession } from '../sessions';
import { claimAt, roleFromClaims } from './claims';
import { oidcConfig, type OidcConfig } from './config';
import { discover } from './discovery';
import { oidcIdentity } from './identity';

/** Short-lived cookie that carries the flow's secrets from the redirect to the callback (`__Host-` over https). */
export const FLOW_COOKIE = 'cs_oidc';
const FLOW_PATH = '/api/auth/oidc';
const FLOW_TTL_SECONDS = 600;

export interface FlowState {
  verifier: string;
  state: string;
  nonce: string;
  next: string;
  redirectUri: string;
}

function publicOrigin(request: Request): string {
  const proto = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() || new URL(request.url).protocol.replace(':', '');
  return `${proto}://${requestHost(request) ?? new URL(request.url).host}`;
}

function flowCookie(request: Request, value: string, maxAge: number): string {
  // Path=/ (not the flow's path) because `__Host-` requires it; the cookie lives ten minutes.
  return hostCookie(request, FLOW_COOKIE, value, { httpOnly: true, sameSite: 'Lax', maxAge });
}

/**
 * The flow cookie's state, or `null` when it is missing or malformed. The cookie came
 * back from the browser, so its `next` is checked again rather than trusted.
 */
export function readFlow(request: Request): FlowState | null {
  const raw = readCookie(request, cookieName(request, FLOW_COOKIE));
  if (!raw) return null;
  try {
    const value = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Partial<FlowState>;
    const fields = [value.verifier, value.state, value.nonce, value.next, value.redirectUri];
    return fields.every((field) => typeof field === 'string') ? { ...(value as FlowState), next: safeNextPath(value.next) } : null;
  } catch {
    return null;
  }
}

/** GET /api/auth/oidc/login?next=…: redirects to the provider. */
export async function startOidcSignIn(request: Request): Promise<Response> {
  const next = safeNextPath(new URL(request.url).searchParams.get('next'));
  let config: OidcConfig | null;
  try {
    config = oidcConfig();
    if (config === null) return seeOther(signInPath(next, 'oidc-off'));
    const configuration = await discover(config);
    const flow: FlowState = {
      verifier: client.randomPKCECodeVerifier(),
      state: client.randomState(),
      nonce: client.randomNonce(),
      next,
      redirectUri: config.redirectUrl ?? `${publicOrigin(request)}${FLOW_PATH}/callback`,
    };
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: flow.redirectUri,
      scope: config.scopes,
      code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
      code_challenge_method: 'S256',
      state: flow.state,
      nonce: flow.nonce,
    });
    const cookie = flowCookie(request, Buffer.from(JSON.stringify(flow), 'utf8').toString('base64url'), FLOW_TTL_SECONDS);
    return seeOther(url.href, [cookie]);
  } catch (error) {
    console.error(`single sign-on could not start: ${error instanceof Error ? error.message : String(error)}`);
    return seeOther(signInPath(next, 'oidc'));
  }
}

/** GET /api/auth/oidc/callback: checks the provider's answer and starts a session. */
export async function finishOidcSignIn(request: Request): Promise<Response> {
  const flow = readFlow(request);
  const clearFlow = flowCookie(request, '', 0);
  const config = oidcConfig();
  if (flow === null || config === null) return seeOther(signInPath('/', config === null ? 'oidc-off' : 'oidc'), [clearFlow]);
  try {
    const configuration = await discover(config);
    // The URL the provider redirected to, as the provider saw it, with this request's answer.
    const current = new URL(flow.redirectUri);
    current.search = new URL(request.url).search;
    const tokens = await client.authorizationCodeGrant(configuration, current, {
      pkceCodeVerifier: flow.verifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
    let claims: Record<string, unknown> = { ...tokens.claims() };
    if (claimAt(claims, config.roleClaim) === undefined && typeof claims.sub === 'string') {
      claims = { ...(await client.fetchUserInfo(configuration, tokens.access_token, claims.sub)), ...claims };
    }
    const role = roleFromClaims(claims, config);
    // Keyed on issuer + subject: a provider user named "admin" is not the local admin.
    const identity = oidcIdentity(claims, config);
    if (role === null || identity === null) return seeOther(signInPath(flow.next, 'oidc-role'), [clearFlow]);
    const store = getStore();
    await store.identities.record(identity, new Date());
    const grant = { subject: identity.subject, accessToken: tokens.access_token, ...(tokens.refresh_token ? { refreshToken: tokens.refresh_token } : {}) };
    const session = await startSession(store, { id: identity.id, name: identity.name, role, provider: 'oidc' }, undefined, undefined, grant);
    return seeOther(safeNextPath(flow.next), [clearFlow, ...sessionCookies(request, session)]);
  } catch (error) {
    console.error(`single sign-on failed: ${error instanceof Error ? error.message : String(error)}`);
    return seeOther(signInPath(flow.next, 'oidc'), [clearFlow]);
  }
}

/** The provider's display name when single sign-on is configured correctly, else `undefined`. */
export function ssoDisplayName(): string | undefined {
  try {
    return oidcConfig()?.displayName;
  } catch {
    return undefined;
  }
}
