import { beforeAll, describe, expect, it } from 'vitest';
import { encryptVector, flipByte, generateVectorKeys, pemBody, truncate, type VectorKeys } from './testing/vectors';
import type { FleValueDecrypter } from './decrypt-value';

// The browser SDK looks for WebCrypto on `window` (fle.md).
(globalThis as { window?: unknown }).window = globalThis;

let keys: VectorKeys;
let other: VectorKeys;
let decryptValue: FleValueDecrypter;

beforeAll(async () => {
  keys = generateVectorKeys();
  other = generateVectorKeys('OtherProvider', 'OtherKey');
  const { createValueDecrypter } = await import('./decrypt-value');
  const { importUnwrapKey } = await import('./import-key');
  const privateKey = await importUnwrapKey(pemBody(keys.privateKeyPem));
  decryptValue = createValueDecrypter({ keyNamespace: keys.keyNamespace, keyName: keys.keyName, privateKey });
});

describe('createValueDecrypter (vectors from @aws-crypto/client-node)', () => {
  it.each([0x0178, 0x0378] as const)('decrypts suite %s, padded and unpadded', async (suite) => {
    const text = 'SELECT ünïcode, 42 FROM t';
    for (const padded of [true, false]) {
      const value = await encryptVector(keys, text, suite, padded);
      expect(value.startsWith(suite === 0x0178 ? 'AYAB' : 'AYAD')).toBe(true);
      expect(await decryptValue(value)).toEqual({ ok: true, plaintext: text });
    }
  });

  it('says a value for another key is not for the loaded key', async () => {
    const value = await encryptVector(other, 'secret', 0x0178);
    expect(await decryptValue(value)).toEqual({ ok: false, reason: 'wrong-key' });
  });

  it('says a value with the right key pair but another key name is not for the loaded key', async () => {
    const value = await encryptVector({ ...keys, keyName: 'Renamed' }, 'secret', 0x0378);
    expect(await decryptValue(value)).toEqual({ ok: false, reason: 'wrong-key' });
  });

  it.each([0x0178, 0x0378] as const)('calls a flipped byte in the body or signature of suite %s damaged', async (suite) => {
    const value = await encryptVector(keys, 'secret text', suite);
    // The suite byte, a header byte (the message id), the tail, and (signed) the body before the signature.
    for (const offset of [2, 10, -5, -25, suite === 0x0378 ? -120 : -30]) {
      expect(await decryptValue(flipByte(value, offset)), `offset ${offset}`).toEqual({ ok: false, reason: 'damaged' });
    }
  });

  it.each([0x0178, 0x0378] as const)('calls a truncated message of suite %s damaged', async (suite) => {
    const value = await encryptVector(keys, 'secret text', suite);
    expect(await decryptValue(truncate(value, 40))).toEqual({ ok: false, reason: 'damaged' });
    expect(await decryptValue(truncate(value, Buffer.from(value, 'base64').length - 10))).toEqual({ ok: false, reason: 'damaged' });
  });

  it('refuses non-base64 text and plain text', async () => {
    expect(await decryptValue('not base64!')).toEqual({ ok: false, reason: 'not-base64' });
    expect(await decryptValue('AYAD-_xx')).toEqual({ ok: false, reason: 'not-base64' });
    expect(await decryptValue('')).toEqual({ ok: false, reason: 'not-base64' });
    expect(await decryptValue('aGVsbG8gd29ybGQ')).toEqual({ ok: false, reason: 'not-encrypted' });
  });
});
