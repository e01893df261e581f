/**
 * Loading the admin's private key: recognise what was given, refuse each wrong
 * kind with its own message, check the key belongs to a configured public key,
 * and only then import it as a non-extractable WebCrypto key.
 */
import { fingerprintOfJwk } from './fingerprint';
import { importUnwrapKey, RSA_OAEP_SHA256 } from './import-key';
import { readPem, type PemKind } from './pem';
import { FLE_RSA_BITS } from './public-key';

/** A public key the loaded private key may belong to. */
export interface ExpectedKey {
  fingerprint: string;
}

/** A key ready for decryption, and which expected key it matched. */
export interface LoadedPrivateKey {
  key: CryptoKey;
  fingerprint: string;
}

/** The outcome of {@link loadPrivateKey}. */
export type LoadKeyResult = { ok: true; loaded: LoadedPrivateKey } | { ok: false; message: string };

const PKCS8_HINT = 'Convert it to unencrypted PKCS#8 on your own machine with: openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem';

const KIND_MESSAGES: Partial<Record<PemKind, string>> = {
  pkcs1: `This is a PKCS#1 key ("BEGIN RSA PRIVATE KEY"); the browser only imports PKCS#8 ("BEGIN PRIVATE KEY"). ${PKCS8_HINT}`,
  'pkcs1-encrypted': `This is a passphrase-protected PKCS#1 key. The browser cannot decrypt it. ${PKCS8_HINT} (openssl asks for the passphrase).`,
  'pkcs8-encrypted':
    'This private key is protected with a passphrase ("BEGIN ENCRYPTED PRIVATE KEY"). WebCrypto cannot open passphrase-protected keys, and ClusterScope does not implement that cryptography itself. ' +
    'Remove the passphrase on your own machine with: openssl pkcs8 -in key.pem -out key-pkcs8.pem (it asks for the passphrase), then load key-pkcs8.pem.',
  public: 'This is a public key. Decryption needs the matching private key ("BEGIN PRIVATE KEY").',
  certificate: 'This is a certificate, which holds only a public key. Decryption needs the matching private key ("BEGIN PRIVATE KEY").',
  openssh: `This is an OpenSSH key. Export it as PKCS#8 with: ssh-keygen -p -m PKCS8 -f key (on a copy), or ${PKCS8_HINT.charAt(0).toLowerCase()}${PKCS8_HINT.slice(1)}`,
  'other-private': 'This is not an RSA private key in PKCS#8 form. FLE keys are RSA-2048 private keys ("BEGIN PRIVATE KEY").',
  none: 'This is not a PEM private key. Paste or choose the file that starts with "-----BEGIN PRIVATE KEY-----".',
};

/**
 * Checks `pemText` and imports it. `expected` are the fingerprints of the
 * configured public keys; a key matching none of them is refused, naming them.
 * Never throws; the DER copy is wiped once imported.
 */
export async function loadPrivateKey(pemText: string, expected: readonly ExpectedKey[]): Promise<LoadKeyResult> {
  const block = readPem(pemText);
  const kindMessage = KIND_MESSAGES[block.kind];
  if (kindMessage) return { ok: false, message: kindMessage };
  if (block.der.length === 0) return { ok: false, message: 'The private key block is not valid base64: the file is damaged.' };
  try {
    let probe: CryptoKey;
    try {
      // Extractable only for this check: the public half (n, e) is what identifies the key.
      probe = await crypto.subtle.importKey('pkcs8', block.der as Uint8Array<ArrayBuffer>, RSA_OAEP_SHA256, true, ['decrypt']);
    } catch {
      return {
        ok: false,
        message: 'The private key could not be read: it is damaged or not an RSA key. FLE keys are RSA-2048 private keys in PKCS#8 ("BEGIN PRIVATE KEY").',
      };
    }
    const bits = (probe.algorithm as RsaHashedKeyAlgorithm).modulusLength;
    if (bits !== FLE_RSA_BITS) return { ok: false, message: `This is an RSA-${bits} key; CloudFront field-level encryption uses RSA-${FLE_RSA_BITS} keys.` };
    const { n, e } = await crypto.subtle.exportKey('jwk', probe);
    const fingerprint = await fingerprintOfJwk({ n, e });
    if (!expected.some((key) => key.fingerprint === fingerprint)) {
      const names = expected.map((key) => key.fingerprint).join(' or ');
      return {
        ok: false,
        message: expected.length
          ? `This key does not match the configured public key. Expected fingerprint ${names}; this key's is ${fingerprint}.`
          : 'No FLE profile with a public key is configured, so no private key can be checked. An admin must add one first.',
      };
    }
    return { ok: true, loaded: { key: await importUnwrapKey(block.der), fingerprint } };
  } finally {
    block.der.fill(0);
  }
}
