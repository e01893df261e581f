/**
 * A real OpenID Provider for the e2e tests: the certified `oidc-provider` package on
 * 127.0.0.1, with a plain login page of its own (the package's development pages
 * load web fonts from the internet), and test-only routes under `/test-admin/` that
 * change an account's groups or remove it while the tests run, and list its tokens.
 * Run: `tsx e2e/support/oidc-provider.ts <app url>`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import Provider, { type ProviderContext, type StoredToken } from 'oidc-provider';
import { OIDC_ACCOUNTS, OIDC_CLIENT, OIDC_ISSUER, type OidcTestAccount } from './oidc';

const appUrl = process.argv[2];
if (!appUrl) throw new Error('usage: tsx e2e/support/oidc-provider.ts <app url>');

/** The accounts as they are now; the test-only routes change them. */
const accounts = new Map<string, OidcTestAccount>(Object.entries(OIDC_ACCOUNTS).map(([login, account]) => [login, { ...account }]));
/** Every access and refresh token value issued, by account. */
const issued = new Map<string, string[]>();

function claimsOf(login: string, account: OidcTestAccount): Record<string, unknown> {
  const claims: Record<string, unknown> = { sub: login, preferred_username: login, groups: account.groups, ...account.claims };
  return Object.fromEntries(Object.entries(claims).filter(([, value]) => value !== null));
}

const provider = new Provider(OIDC_ISSUER, {
  clients: [
    {
      client_id: OIDC_CLIENT.id,
      client_secret: OIDC_CLIENT.secret,
      redirect_uris: [`${appUrl}/api/auth/oidc/callback`],
      token_endpoint_auth_method: 'client_secret_post',
      grant_types: ['authorization_code', 'refresh_token'],
    },
  ],
  claims: { openid: ['sub'], profile: ['preferred_username', 'groups'], email: ['email', 'email_verified'] },
  findAccount: (_ctx: unknown, id: string) => {
    const account = accounts.get(id);
    return account === undefined ? undefined : { accountId: id, claims: () => claimsOf(id, account) };
  },
  // Only some accounts get refresh tokens, so the app's re-check is tested both with and without one.
  issueRefreshToken: (_ctx: unknown, _client: unknown, code: { accountId: string }) => accounts.get(code.accountId)?.refreshTokens === true,
  // ClusterScope is a first-party client: no consent screen.
  loadExistingGrant: async (ctx: ProviderContext) => {
    const { client, session, provider: self } = ctx.oidc;
    if (!client || !session?.accountId) return undefined;
    const grant = new self.Grant({ clientId: client.clientId, accountId: session.accountId });
    grant.addOIDCScope('openid profile email');
    await grant.save();
    return grant;
  },
  interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
  features: { devInteractions: { enabled: false }, revocation: { enabled: true } },
  cookies: { keys: ['e2e-only-provider-cookie-key'] },
});

const remember = (token: StoredToken): void => {
  issued.set(token.accountId, [...(issued.get(token.accountId) ?? []), token.jti]);
};
provider.on('access_token.saved', remember);
provider.on('refresh_token.saved', remember);

async function body(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function json(response: ServerResponse, status: number, value: unknown): void {
  response.statusCode = status;
  response.setHeader('Content-Type', 'application/json');
  response.end(JSON.stringify(value));
}

/** The test-only routes: PUT/DELETE /test-admin/accounts/<login>, GET /test-admin/tokens/<login>. */
async function testAdmin(request: IncomingMessage, response: ServerResponse, kind: string, login: string): Promise<void> {
  if (kind === 'accounts' && request.method === 'PUT') {
    const groups: unknown = (JSON.parse(await body(request)) as { groups?: unknown }).groups;
    if (!Array.isArray(groups) || !groups.every((group) => typeof group === 'string')) return json(response, 400, { error: 'groups must be strings' });
    accounts.set(login, { ...(accounts.get(login) ?? {}), groups });
    return json(response, 200, { login, groups });
  }
  if (kind === 'accounts' && request.method === 'DELETE') {
    accounts.delete(login);
    return json(response, 200, { login, removed: true });
  }
  if (kind === 'tokens' && request.method === 'GET') {
    const values = issued.get(login) ?? [];
    const active: string[] = [];
    for (const value of values) {
      if ((await provider.AccessToken.find(value)) || (await provider.RefreshToken.find(value))) active.push(value);
    }
    return json(response, 200, { issued: values, active });
  }
  json(response, 404, { error: 'no such test-admin route' });
}

const handle = provider.callback();
const server = createServer((request, response) => {
  const pathname = new URL(request.url ?? '/', OIDC_ISSUER).pathname;
  const admin = /^\/test-admin\/(accounts|tokens)\/([\w-]+)$/.exec(pathname);
  if (admin) {
    void testAdmin(request, response, admin[1]!, admin[2]!).catch((error: unknown) => json(response, 500, { error: String(error) }));
    return;
  }
  const match = /^\/interaction\/([\w-]+)(\/login)?$/.exec(pathname);
  if (!match) return handle(request, response);
  void (async () => {
    try {
      const details = await provider.interactionDetails(request, response);
      if (match[2] && request.method === 'POST') {
        const login = new URLSearchParams(await body(request)).get('login') ?? '';
        await provider.interactionFinished(request, response, { login: { accountId: login } }, { mergeWithLastSubmission: false });
        return;
      }
      response.setHeader('Content-Type', 'text/html; charset=utf-8');
      response.end(
        `<!doctype html><title>Test IdP</title><h1>Test IdP</h1>
         <form method="post" action="/interaction/${details.uid}/login">
           <label>Login <input name="login" autofocus></label>
           <button type="submit">Continue to ClusterScope</button>
         </form>`,
      );
    } catch (error) {
      response.statusCode = 400;
      response.end(String(error));
    }
  })();
});
const port = Number(new URL(OIDC_ISSUER).port);
server.listen(port, '127.0.0.1', () => console.log(`test OpenID Provider on ${OIDC_ISSUER}`));
