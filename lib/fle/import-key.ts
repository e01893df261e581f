/** Imports key material into WebCrypto the way FLE decryption needs it. */

/** RSA-OAEP with SHA-256 and MGF1: how CloudFront wraps the data key. */
export const RSA_OAEP_SHA256: RsaHashedImportParams = { name: 'RSA-OAEP', hash: 'SHA-256' };

/**
 * Imports PKCS#8 DER as a non-extractable private key usable only to unwrap
 * data keys, so no script can read the key's bytes back.
 */
export function importUnwrapKey(pkcs8: Uint8Array): Promise<CryptoKey> {
  return crypto.subtle.importKey('pkcs8', pkcs8 as Uint8Array<ArrayBuffer>, RSA_OAEP_SHA256, false, ['unwrapKey']);
}
