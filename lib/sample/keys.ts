/**
 * The demo RSA key pair of the bundled sample. It is public, committed to the
 * repository, and protects nothing real: see demo-keys-sample-only/README.md.
 */

import { readFileSync } from 'node:fs';

/** FLE provider name (the Encryption SDK key namespace) the sample uses. */
export const DEMO_KEY_NAMESPACE = 'ClusterScopeDemo';
/** FLE public key name (the Encryption SDK key name) the sample uses. */
export const DEMO_KEY_NAME = 'DemoPublicKey';

const KEY_DIR = new URL('./demo-keys-sample-only/', import.meta.url);

/** SPKI PEM (`BEGIN PUBLIC KEY`) of the demo key. */
export function demoPublicKeyPem(): string {
  return readFileSync(new URL('demo-public-key.pem', KEY_DIR), 'utf8');
}

/** PKCS#8 PEM (`BEGIN PRIVATE KEY`) of the demo key. Sample data only. */
export function demoPrivateKeyPem(): string {
  return readFileSync(new URL('demo-private-key.pem', KEY_DIR), 'utf8');
}
