/** The one way the server finds the session behind a cookie: with single sign-on sessions re-checked at the provider. */
import type { MetadataStore } from '../store/metadata-store';
import { demoAccountsEnabled } from './demo-accounts';
import { recheckOidcSession } from './oidc/recheck';
import { readSession, type ActiveSession } from './sessions';

/** The live session behind cookie value `token`, or `null` (see `readSession` and `oidc/recheck.ts`). */
export function lookupSession(store: MetadataStore, token: string | undefined, now: Date = new Date()): Promise<ActiveSession | null> {
  return readSession(store, token, now, demoAccountsEnabled, recheckOidcSession);
}
