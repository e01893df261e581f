import { buildClient, CommitmentPolicy, RawRsaKeyringNode } from '@aws-crypto/client-node';
import { describe, expect, it } from 'vitest';
import { repadBase64 } from '../fle/base64';
import { decryptSampleValue } from './decrypt';
import { createFleEncryptor } from './encrypt';
import { DEMO_KEY_NAME, DEMO_KEY_NAMESPACE, demoPrivateKeyPem, demoPublicKeyPem } from './keys';

// Decrypt exactly as the brief prescribes for CloudFront values, independent of decrypt.ts.
const { decrypt } = buildClient({ commitmentPolicy: CommitmentPolicy.REQUIRE_ENCRYPT_ALLOW_DECRYPT, maxEncryptedDataKeys: 1 });
const keyring = new RawRsaKeyringNode({
  keyNamespace: DEMO_KEY_NAMESPACE,
  keyName: DEMO_KEY_NAME,
  rsaKey: { privateKey: demoPrivateKeyPem() },
  oaepHash: 'sha256',
});

async function open(value: string): Promise<string> {
  const { plaintext } = await decrypt(keyring, Buffer.from(repadBase64(value), 'base64'));
  return plaintext.toString('utf8');
}

describe('FLE encryption', () => {
  it('ships a PKCS#8 private key and an SPKI public key', () => {
    expect(demoPrivateKeyPem()).toContain('-----BEGIN PRIVATE KEY-----');
    expect(demoPublicKeyPem()).toContain('-----BEGIN PUBLIC KEY-----');
  });

  it.each([
    [0x0378, 'AYAD'],
    [0x0178, 'AYAB'],
  ] as const)('round-trips suite %s (base64 starts with %s)', async (suite, prefix) => {
    const enc = createFleEncryptor({ publicKeyPem: demoPublicKeyPem(), suite, base64Padding: true });
    const texts = ["SELECT * FROM sales.customers WHERE email = 'mia.berg@example.com'", 'é ünïcode ✓'];
    await enc.encryptAll(texts);
    for (const t of texts) {
      const c = enc.ciphertextOf(t);
      expect(c.startsWith(prefix)).toBe(true);
      expect(c.length % 4).toBe(0);
      expect(await open(c)).toBe(t);
      expect(await decryptSampleValue(c)).toBe(t);
    }
  });

  it('drops base64 padding for unpadded clusters, and re-padding restores it', async () => {
    const enc = createFleEncryptor({ publicKeyPem: demoPublicKeyPem(), suite: 0x0178, base64Padding: false });
    // Message length varies with the plaintext, so some of these need padding.
    const texts = Array.from({ length: 6 }, (_, i) => 'x'.repeat(i + 1));
    await enc.encryptAll(texts);
    const values = texts.map((t) => enc.ciphertextOf(t));
    for (const v of values) expect(v.endsWith('=')).toBe(false);
    expect(values.some((v) => v.length % 4 !== 0)).toBe(true);
    for (const [i, v] of values.entries()) expect(await open(v)).toBe(texts[i]);
  });

  it('encrypts each distinct text once and reuses it', async () => {
    const enc = createFleEncryptor({ publicKeyPem: demoPublicKeyPem(), suite: 0x0178, base64Padding: true });
    await enc.encryptAll(['a', 'b', 'a']);
    const first = enc.ciphertextOf('a');
    await enc.encryptAll(['a', 'c']);
    expect(enc.size).toBe(3);
    expect(enc.ciphertextOf('a')).toBe(first);
    expect(() => enc.ciphertextOf('zzz')).toThrow();
  });
});
