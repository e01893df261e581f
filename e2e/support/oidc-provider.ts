/**
 * A real OpenID Provider for the e2e tests: the certified `oidc-provider` package on
 * 127.0.0.1, with a plain login page of its own (the package's development pages
 * load web fonts from the internet). Run: `tsx e2e/support/oidc-provider.ts <app url>`.
 */
import { createServer, type IncomingMessage } from 'node:http';
import Provider, { type ProviderContext } from 'oidc-provider';
import { OIDC_ACCOUNTS, OIDC_CLIENT, OIDC_ISSUER } from './oidc';

const appUrl = process.argv[2];
if (!appUrl) throw new Error('usage: tsx e2e/support/oidc-provider.ts <app url>');

const provider = new Provider(OIDC_ISSUER, {
  clients: [
    {
      client_id: OIDC_CLIENT.id,
      client_secret: OIDC_CLIENT.secret,
      redirect_uris: [`${appUrl}/api/auth/oidc/callback`],
      token_endpoint_auth_method: 'client_secret_post',
    },
  ],
  claims: { openid: ['sub'], profile: ['preferred_username', 'groups'] },
  findAccount: (_ctx: unknown, id: string) => ({
    accountId: id,
    claims: () => ({ sub: id, preferred_username: id, groups: OIDC_ACCOUNTS[id] ?? [] }),
  }),
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
  features: { devInteractions: { enabled: false } },
  cookies: { keys: ['e2e-only-provider-cookie-key'] },
});

async function formField(request: IncomingMessage, name: string): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8')).get(name) ?? '';
}

const handle = provider.callback();
const server = createServer((request, response) => {
  const match = /^\/interaction\/([\w-]+)(\/login)?$/.exec(new URL(request.url ?? '/', OIDC_ISSUER).pathname);
  if (!match) return handle(request, response);
  void (async () => {
    try {
      const details = await provider.interactionDetails(request, response);
      if (match[2] && request.method === 'POST') {
        const login = await formField(request, 'login');
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
