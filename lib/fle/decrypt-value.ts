/**
 * Decrypts FLE values with the browser Encryption SDK: a raw RSA keyring with
 * the profile's provider name (key namespace) and key name around the loaded,
 * non-extractable private key. Runs in the decrypt workers; also under Node in
 * tests (with `globalThis.window` set, see fle.md).
 */
import { buildDecrypt } from '@aws-crypto/decrypt-browser';
import { CommitmentPolicy } from '@aws-crypto/material-management-browser';
import { RawRsaKeyringWebCrypto } from '@aws-crypto/raw-rsa-keyring-browser';
import { decodeBase64 } from './base64';
import { classifyDecryptError, type FleFailureReason } from './failure';

/** The keyring's names and the private key, as the worker receives them. */
export interface FleKeyringInput {
  /** FLE provider name. */
  keyNamespace: string;
  /** FLE public key name. */
  keyName: string;
  /** RSA-OAEP SHA-256 private key with the `unwrapKey` usage. */
  privateKey: CryptoKey;
}

/** One value's outcome: the plaintext, or why there is none. */
export type FleValueResult = { ok: true; plaintext: string } | { ok: false; reason: FleFailureReason };

/** Decrypts one base64 FLE value; never throws. */
export type FleValueDecrypter = (value: string) => Promise<FleValueResult>;

// CloudFront's messages are non-committing, and carry exactly one data key.
const { decrypt } = buildDecrypt({ commitmentPolicy: CommitmentPolicy.REQUIRE_ENCRYPT_ALLOW_DECRYPT, maxEncryptedDataKeys: 1 });

/** A decrypter for values encrypted under one FLE profile. */
export function createValueDecrypter(input: FleKeyringInput): FleValueDecrypter {
  const keyring = new RawRsaKeyringWebCrypto({ keyNamespace: input.keyNamespace, keyName: input.keyName, privateKey: input.privateKey });
  const utf8 = new TextDecoder('utf-8');
  return async (value) => {
    let bytes: Uint8Array;
    try {
      bytes = decodeBase64(value.trim());
    } catch {
      return { ok: false, reason: 'not-base64' };
    }
    try {
      const { plaintext } = await decrypt(keyring, bytes);
      return { ok: true, plaintext: utf8.decode(plaintext) };
    } catch (error) {
      return { ok: false, reason: classifyDecryptError(error) };
    }
  };
}
