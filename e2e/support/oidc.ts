/** The OpenID Provider the e2e tests start on 127.0.0.1, and the app's settings for it. */

const PORT_BASE = Number(process.env.E2E_PORT_BASE ?? 3100);

// base+5 and +6 are the S3 servers, base+9 the benchmark smoke.
export const OIDC_ISSUER = `http://127.0.0.1:${PORT_BASE + 7}`;
export const OIDC_CLIENT = { id: 'clusterscope-e2e', secret: 'e2e-client-secret-not-for-production' } as const;

/** Test accounts at the provider and their `groups` claim. */
export const OIDC_ACCOUNTS: Record<string, string[]> = {
  alice: ['cs-admins', 'everyone'],
  bob: ['everyone', 'cs-analysts'],
  carol: ['cs-viewers'],
  mallory: ['everyone'],
};

/** Environment for the app server that signs in through the provider. */
export const OIDC_APP_ENV: Record<string, string> = {
  CLUSTERSCOPE_OIDC_ISSUER: OIDC_ISSUER,
  CLUSTERSCOPE_OIDC_CLIENT_ID: OIDC_CLIENT.id,
  CLUSTERSCOPE_OIDC_CLIENT_SECRET: OIDC_CLIENT.secret,
  CLUSTERSCOPE_OIDC_NAME: 'Test IdP',
  CLUSTERSCOPE_OIDC_ROLE_CLAIM: 'groups',
  CLUSTERSCOPE_OIDC_ROLE_MAP: 'cs-admins=admin,cs-analysts=analyst,cs-viewers=viewer',
};
