/** The few parts of `oidc-provider` (which ships no types) that the test provider uses. */
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  interface Grant {
    addOIDCScope(scope: string): void;
    save(): Promise<string>;
  }

  interface InteractionDetails {
    uid: string;
    prompt: { name: string };
    params: Record<string, unknown>;
  }

  interface ProviderContext {
    oidc: { client?: { clientId: string }; session?: { accountId?: string }; provider: Provider };
  }

  /** An access or refresh token; for the default opaque format its value is its `jti`. */
  interface StoredToken {
    jti: string;
    accountId: string;
  }

  interface TokenModel {
    find(value: string): Promise<StoredToken | undefined>;
  }

  export default class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>);
    Grant: new (properties: { clientId: string; accountId: string }) => Grant;
    AccessToken: TokenModel;
    RefreshToken: TokenModel;
    on(event: 'access_token.saved' | 'refresh_token.saved', listener: (token: StoredToken) => void): this;
    callback(): (request: IncomingMessage, response: ServerResponse) => void;
    interactionDetails(request: IncomingMessage, response: ServerResponse): Promise<InteractionDetails>;
    interactionFinished(
      request: IncomingMessage,
      response: ServerResponse,
      result: Record<string, unknown>,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>;
  }
  export type { ProviderContext, StoredToken };
}
