/**
 * The provider's tokens of a session, kept on the server only, sealed with a key
 * derived from the session's cookie token. The store keeps only that token's hash,
 * so a copy of the database yields neither a session nor the provider's tokens.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/** What a session needs to re-check its user with the provider, and to revoke at sign-out. */
export interface OidcGrant {
  subject: string;
  accessToken: string;
  refreshToken?: string;
}

const VERSION = 'v1';

function keyOf(sessionToken: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(sessionToken, 'utf8'), Buffer.alloc(0), 'clusterscope oidc grant v1', 32));
}

/** The grant encrypted (AES-256-GCM) under a key derived from `sessionToken`. */
export function sealGrant(sessionToken: string, grant: OidcGrant): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(sessionToken), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(grant), 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64url'), body.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
}

/** The grant sealed by {@link sealGrant}; throws when it was sealed for another token or altered. */
export function openGrant(sessionToken: string, sealed: string): OidcGrant {
  const [version, iv, body, tag] = sealed.split('.');
  if (version !== VERSION || !iv || !body || !tag) throw new Error('the stored single sign-on grant is malformed');
  const decipher = createDecipheriv('aes-256-gcm', keyOf(sessionToken), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  const text = Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  const grant = JSON.parse(text) as Partial<OidcGrant>;
  if (
    typeof grant.subject !== 'string' ||
    typeof grant.accessToken !== 'string' ||
    (grant.refreshToken !== undefined && typeof grant.refreshToken !== 'string')
  ) {
    throw new Error('the stored single sign-on grant is malformed');
  }
  return { subject: grant.subject, accessToken: grant.accessToken, ...(grant.refreshToken ? { refreshToken: grant.refreshToken } : {}) };
}
