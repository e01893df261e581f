/** Reads the public key PEM of an FLE profile and checks it is a key CloudFront accepts. */
import { sha256Fingerprint } from './fingerprint';
import { RSA_OAEP_SHA256 } from './import-key';
import { readPem } from './pem';

/** CloudFront FLE keys are RSA-2048. */
export const FLE_RSA_BITS = 2048;

/** A checked public key. */
export interface FlePublicKey {
  /** Normalised SPKI PEM. */
  pem: string;
  fingerprint: string;
}

/** The outcome: the key, or a message saying what is wrong. */
export type PublicKeyResult = { ok: true; key: FlePublicKey } | { ok: false; message: string };

function toPem(der: Uint8Array): string {
  const b64 = btoa(String.fromCharCode(...der));
  return `-----BEGIN PUBLIC KEY-----\n${b64.replace(/.{1,64}/g, '$&\n')}-----END PUBLIC KEY-----\n`;
}

/** Parses an SPKI PEM (`BEGIN PUBLIC KEY`) of a 2048-bit RSA key; never throws. */
export async function parsePublicKeyPem(text: string): Promise<PublicKeyResult> {
  const block = readPem(text);
  if (block.kind !== 'public' || block.label !== 'PUBLIC KEY') {
    const hint = block.kind === 'public' ? ' (this is PKCS#1 "RSA PUBLIC KEY"; convert it with: openssl rsa -RSAPublicKey_in -in key.pem -pubout)' : '';
    return { ok: false, message: `The public key must be a PEM "BEGIN PUBLIC KEY" block${hint}.` };
  }
  let key: CryptoKey;
  try {
    key = await crypto.subtle.importKey('spki', block.der as Uint8Array<ArrayBuffer>, RSA_OAEP_SHA256, true, ['encrypt']);
  } catch {
    return { ok: false, message: 'The public key could not be read: it is damaged or not an RSA key.' };
  }
  const bits = (key.algorithm as RsaHashedKeyAlgorithm).modulusLength;
  if (bits !== FLE_RSA_BITS) return { ok: false, message: `The public key is RSA-${bits}; CloudFront field-level encryption uses RSA-${FLE_RSA_BITS}.` };
  const der = new Uint8Array(await crypto.subtle.exportKey('spki', key));
  return { ok: true, key: { pem: toPem(der), fingerprint: await sha256Fingerprint(der) } };
}
