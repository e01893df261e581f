/** The OpenID Provider's discovered configuration, shared by sign-in, the session re-check and sign-out. */
import * as client from 'openid-client';
import type { OidcConfig } from './config';

/**
 * Per module instance, not on `globalThis`: Next bundles the proxy and the route handlers
 * separately, each with its own copy of `openid-client`, whose functions accept only a
 * `Configuration` made by their own copy.
 */
let cached: { key: string; configuration: Promise<client.Configuration> } | undefined;

/** The provider's discovered configuration, fetched once per process and bundle (retried after a failure). */
export function discover(config: OidcConfig): Promise<client.Configuration> {
  const key = `${config.issuer.href} ${config.clientId}`;
  if (cached?.key !== key) {
    const auth = config.clientSecret ? client.ClientSecretPost(config.clientSecret) : client.None();
    // config.ts allows plain http only for a provider on localhost (tests, local development).
    const execute = config.issuer.protocol === 'http:' ? [client.allowInsecureRequests] : [];
    const configuration = client.discovery(config.issuer, config.clientId, undefined, auth, { execute });
    configuration.catch(() => {
      if (cached?.configuration === configuration) cached = undefined;
    });
    cached = { key, configuration };
  }
  return cached.configuration;
}
