/**
 * Test vectors for FLE decryption, made by the Node Encryption SDK the way
 * CloudFront makes them (non-committing suites, raw RSA keyring, OAEP-SHA256),
 * with their own key pair and names. Node only: tests, e2e and the benchmark.
 */
import { AlgorithmSuiteIdentifier, CommitmentPolicy, RawRsaKeyringNode, buildClient } from '@aws-crypto/client-node';
import { generateKeyPairSync } from 'node:crypto';

/** A suite CloudFront may use: unsigned 0x0178 or signed 0x0378. */
export type VectorSuite = 0x0178 | 0x0378;

/** An RSA key pair as PEM text. */
export interface PemKeyPair {
  publicKeyPem: string;
  privateKeyPem: string;
}

/** Keyring names and key pair of a set of vectors. */
export interface VectorKeys extends PemKeyPair {
  keyNamespace: string;
  keyName: string;
}

const SUITES: Record<VectorSuite, AlgorithmSuiteIdentifier> = {
  0x0178: AlgorithmSuiteIdentifier.ALG_AES256_GCM_IV12_TAG16_HKDF_SHA256,
  0x0378: AlgorithmSuiteIdentifier.ALG_AES256_GCM_IV12_TAG16_HKDF_SHA384_ECDSA_P384,
};

const { encrypt } = buildClient(CommitmentPolicy.FORBID_ENCRYPT_ALLOW_DECRYPT);

/** A fresh RSA key pair: SPKI public and PKCS#8 private PEM. */
export function generateRsaKeyPair(modulusLength = 2048): PemKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', {
    modulusLength,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return { publicKeyPem: publicKey, privateKeyPem: privateKey };
}

/** Keys with names unlike the sample's, so a test cannot pass on defaults. */
export function generateVectorKeys(keyNamespace = 'InteropProvider', keyName = 'InteropKey-2'): VectorKeys {
  return { keyNamespace, keyName, ...generateRsaKeyPair() };
}

/**
 * Encrypts `plaintext` as base64, optionally without '=' padding as CloudFront
 * sometimes writes it.
 */
export async function encryptVector(keys: VectorKeys, plaintext: string, suite: VectorSuite, padded = true): Promise<string> {
  const keyring = new RawRsaKeyringNode({
    keyNamespace: keys.keyNamespace,
    keyName: keys.keyName,
    rsaKey: { publicKey: keys.publicKeyPem },
    oaepHash: 'sha256',
  });
  const { result } = await encrypt(keyring, plaintext, { suiteId: SUITES[suite] });
  const text = result.toString('base64');
  return padded ? text : text.replace(/=+$/, '');
}

/** The vector with one byte flipped at `offset` (negative counts from the end). */
export function flipByte(base64: string, offset: number): string {
  const bytes = Buffer.from(base64, 'base64');
  const at = offset < 0 ? bytes.length + offset : offset;
  bytes[at] = (bytes[at] ?? 0) ^ 0x01;
  return bytes.toString('base64');
}

/** The vector cut to its first `keep` bytes. */
export function truncate(base64: string, keep: number): string {
  return Buffer.from(base64, 'base64').subarray(0, keep).toString('base64');
}

/** DER bytes of a PEM block (no validation: test input only). */
export function pemBody(pem: string): Uint8Array {
  return new Uint8Array(Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64'));
}
