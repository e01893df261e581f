/**
 * CloudFront field-level encryption as the sample needs it: each protected
 * value becomes the base64 text of an AWS Encryption SDK message whose data
 * key is wrapped with the demo RSA public key (RSA-OAEP-SHA256).
 *
 * Simplification: each distinct plaintext is encrypted once per cluster and
 * the ciphertext reused wherever that text appears. Real CloudFront output
 * differs every time (fresh data key and IV per message); reuse keeps the
 * default sample fast, and a reader must not rely on either behaviour.
 */

import { AlgorithmSuiteIdentifier, CommitmentPolicy, RawRsaKeyringNode, buildClient } from '@aws-crypto/client-node';
import { DEMO_KEY_NAME, DEMO_KEY_NAMESPACE } from './keys';
import { mapLimit } from './limit';
import type { FleSuite } from './types';

/** How one cluster's values are encrypted. */
export interface FleEncryptorOptions {
  publicKeyPem: string;
  suite: FleSuite;
  /** False drops the trailing '=' of the base64 text, as CloudFront sometimes does. */
  base64Padding: boolean;
  /** Encryptions in flight at once. */
  concurrency?: number;
}

/** Encrypts and remembers ciphertexts for one cluster. */
export interface FleEncryptor {
  /** Encrypts every text not yet seen. */
  encryptAll(plaintexts: Iterable<string>): Promise<void>;
  /** Ciphertext of a text passed to encryptAll before; throws otherwise. */
  ciphertextOf(plaintext: string): string;
  /** Number of distinct texts encrypted so far. */
  readonly size: number;
}

/**
 * Node can only produce these non-committing suites under
 * FORBID_ENCRYPT_ALLOW_DECRYPT, which is also what CloudFront emits.
 */
const { encrypt } = buildClient(CommitmentPolicy.FORBID_ENCRYPT_ALLOW_DECRYPT);

const SUITES: Record<FleSuite, AlgorithmSuiteIdentifier> = {
  0x0378: AlgorithmSuiteIdentifier.ALG_AES256_GCM_IV12_TAG16_HKDF_SHA384_ECDSA_P384,
  0x0178: AlgorithmSuiteIdentifier.ALG_AES256_GCM_IV12_TAG16_HKDF_SHA256,
};

/** The keyring FLE uses: provider name as namespace, public key name as key name. */
export function demoEncryptKeyring(publicKeyPem: string): RawRsaKeyringNode {
  return new RawRsaKeyringNode({ keyNamespace: DEMO_KEY_NAMESPACE, keyName: DEMO_KEY_NAME, rsaKey: { publicKey: publicKeyPem }, oaepHash: 'sha256' });
}

/** Encrypts one value into FLE's base64 form. */
export async function encryptFleValue(keyring: RawRsaKeyringNode, plaintext: string, suite: FleSuite, base64Padding: boolean): Promise<string> {
  const { result } = await encrypt(keyring, plaintext, { suiteId: SUITES[suite] });
  const b64 = result.toString('base64');
  return base64Padding ? b64 : b64.replace(/=+$/, '');
}

/** An encryptor with a per-cluster cache of ciphertexts. */
export function createFleEncryptor(options: FleEncryptorOptions): FleEncryptor {
  const keyring = demoEncryptKeyring(options.publicKeyPem);
  const cache = new Map<string, string>();
  const concurrency = options.concurrency ?? 16;
  return {
    async encryptAll(plaintexts: Iterable<string>): Promise<void> {
      const pending: string[] = [];
      for (const p of plaintexts) if (!cache.has(p)) pending.push(p);
      const unique = Array.from(new Set(pending));
      const out = await mapLimit(unique, concurrency, (p) => encryptFleValue(keyring, p, options.suite, options.base64Padding));
      unique.forEach((p, i) => cache.set(p, out[i] as string));
    },
    ciphertextOf(plaintext: string): string {
      const c = cache.get(plaintext);
      if (c === undefined) throw new Error('ciphertextOf called for a text that was never encrypted');
      return c;
    },
    get size(): number {
      return cache.size;
    },
  };
}
