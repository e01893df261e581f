/**
 * Fingerprints of RSA public keys, so people compare a short text instead of
 * a PEM: SHA-256 of the SubjectPublicKeyInfo DER, as hex pairs. The same
 * function runs on the server (profiles) and in the browser (loaded keys).
 */
import { RSA_OAEP_SHA256 } from './import-key';

/** Hex pairs joined by ':' of a SHA-256 digest. */
export async function sha256Fingerprint(der: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', der as Uint8Array<ArrayBuffer>));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join(':');
}

/** Fingerprint of a public key given as its RSA modulus and exponent (JWK `n`, `e`). */
export async function fingerprintOfJwk(jwk: { n?: string; e?: string }): Promise<string> {
  const key = await crypto.subtle.importKey('jwk', { kty: 'RSA', n: jwk.n, e: jwk.e, alg: 'RSA-OAEP-256', ext: true }, RSA_OAEP_SHA256, true, ['encrypt']);
  return sha256Fingerprint(new Uint8Array(await crypto.subtle.exportKey('spki', key)));
}
