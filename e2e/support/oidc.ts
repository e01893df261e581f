/** The OpenID Provider the e2e tests start on 127.0.0.1, and the app's settings for it. */

const PORT_BASE = Number(process.env.E2E_PORT_BASE ?? 3100);

// base+5 and +6 are the S3 servers, base+9 the benchmark smoke.
export const OIDC_ISSUER = `http://127.0.0.1:${PORT_BASE + 7}`;
export const OIDC_CLIENT = { id: 'clusterscope-e2e', secret: 'e2e-client-secret-not-for-production' } as const;

/** A test account at the provider: its `groups` claim, claims that differ from the defaults, and whether it gets refresh tokens. */
export interface OidcTestAccount {
  groups: string[];
  /** Replaces the default claims (`preferred_username` is the login); `null` leaves a claim out. */
  claims?: Record<string, string | boolean | null>;
  refreshTokens?: boolean;
}

/** Test accounts at the provider. */
export const OIDC_ACCOUNTS: Record<string, OidcTestAccount> = {
  alice: { groups: ['cs-admins', 'everyone'] },
  bob: { groups: ['everyone', 'cs-analysts'], refreshTokens: true },
  carol: { groups: ['cs-viewers'] },
  mallory: { groups: ['everyone'] },
  // A provider user who calls themselves "admin", like the sample's demo admin.
  admin: { groups: ['cs-viewers'] },
  // No user name, and an unverified e-mail that must not become the name.
  erin: { groups: ['cs-viewers'], claims: { preferred_username: null, email: 'admin@clusterscope.example', email_verified: false } },
  // Their roles change at the provider during the tests: frank is re-checked through userinfo, grace with her refresh token.
  frank: { groups: ['cs-analysts'] },
  grace: { groups: ['cs-analysts'], refreshTokens: true },
};

/** How often the e2e app re-checks a single sign-on session with the provider. */
export const OIDC_RECHECK_SECONDS = 3;

/** Test-only routes of the provider process (`oidc-provider.ts`), to change an account while the tests run. */
export const OIDC_TEST_ADMIN = {
  /** PUT `{ groups }` changes the account's groups; DELETE removes the account, so the provider refuses its tokens. */
  account: (login: string): string => `${OIDC_ISSUER}/test-admin/accounts/${encodeURIComponent(login)}`,
  /** GET `{ issued, active }`: the account's access and refresh token values, all and still valid. */
  tokens: (login: string): string => `${OIDC_ISSUER}/test-admin/tokens/${encodeURIComponent(login)}`,
};

/** Environment for the app server that signs in through the provider. */
export const OIDC_APP_ENV: Record<string, string> = {
  CLUSTERSCOPE_OIDC_ISSUER: OIDC_ISSUER,
  CLUSTERSCOPE_OIDC_CLIENT_ID: OIDC_CLIENT.id,
  CLUSTERSCOPE_OIDC_CLIENT_SECRET: OIDC_CLIENT.secret,
  CLUSTERSCOPE_OIDC_NAME: 'Test IdP',
  CLUSTERSCOPE_OIDC_ROLE_CLAIM: 'groups',
  CLUSTERSCOPE_OIDC_ROLE_MAP: 'cs-admins=admin,cs-analysts=analyst,cs-viewers=viewer',
  CLUSTERSCOPE_OIDC_RECHECK_SECONDS: String(OIDC_RECHECK_SECONDS),
};
