import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { demoPrivateKeyPem, demoPublicKeyPem } from '@/lib/sample/keys';
import { loadPrivateKey } from './private-key';
import { parsePublicKeyPem } from './public-key';
import { generateRsaKeyPair } from './testing/vectors';

async function demoFingerprint(): Promise<string> {
  const parsed = await parsePublicKeyPem(demoPublicKeyPem());
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.key.fingerprint;
}

describe('loadPrivateKey', () => {
  it('accepts the demo key for the demo public key, as a non-extractable unwrap-only key', async () => {
    const fingerprint = await demoFingerprint();
    const result = await loadPrivateKey(demoPrivateKeyPem(), [{ fingerprint: 'aa:bb' }, { fingerprint }]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.loaded.fingerprint).toBe(fingerprint);
    expect(result.loaded.key.extractable).toBe(false);
    expect(result.loaded.key.usages).toEqual(['unwrapKey']);
    await expect(crypto.subtle.exportKey('pkcs8', result.loaded.key)).rejects.toThrow();
  });

  it('refuses a key for another public key, naming the expected fingerprint', async () => {
    const fingerprint = await demoFingerprint();
    const result = await loadPrivateKey(generateRsaKeyPair().privateKeyPem, [{ fingerprint }]);
    expect(result).toEqual({ ok: false, message: expect.stringContaining(`Expected fingerprint ${fingerprint}`) });
  });

  it('explains PKCS#1 with the openssl command', async () => {
    const pkcs1 = createPrivateKey(demoPrivateKeyPem()).export({ type: 'pkcs1', format: 'pem' }).toString();
    const result = await loadPrivateKey(pkcs1, [{ fingerprint: await demoFingerprint() }]);
    expect(result).toEqual({ ok: false, message: expect.stringContaining('openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem') });
    expect(result.ok ? '' : result.message).toContain('PKCS#1');
  });

  it('says why a passphrase-protected PKCS#8 key cannot be used', async () => {
    const encrypted = createPrivateKey(demoPrivateKeyPem()).export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pw' }).toString();
    expect(encrypted).toContain('BEGIN ENCRYPTED PRIVATE KEY');
    const result = await loadPrivateKey(encrypted, [{ fingerprint: await demoFingerprint() }]);
    expect(result).toEqual({ ok: false, message: expect.stringContaining('passphrase') });
  });

  it('says a public key is not a private key', async () => {
    const result = await loadPrivateKey(demoPublicKeyPem(), [{ fingerprint: await demoFingerprint() }]);
    expect(result).toEqual({ ok: false, message: expect.stringContaining('This is a public key') });
  });

  it('refuses an RSA key that is not 2048-bit', async () => {
    const result = await loadPrivateKey(generateRsaKeyPair(1024).privateKeyPem, [{ fingerprint: 'x' }]);
    expect(result).toEqual({ ok: false, message: expect.stringContaining('RSA-1024') });
  });

  it('refuses an EC key and garbage', async () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(await loadPrivateKey(ec, [{ fingerprint: 'x' }])).toEqual({ ok: false, message: expect.stringContaining('not an RSA key') });
    expect(await loadPrivateKey('hello', [{ fingerprint: 'x' }])).toEqual({ ok: false, message: expect.stringContaining('not a PEM private key') });
    const damaged = '-----BEGIN PRIVATE KEY-----\nAAAA!!\n-----END PRIVATE KEY-----';
    expect(await loadPrivateKey(damaged, [{ fingerprint: 'x' }])).toEqual({ ok: false, message: expect.stringContaining('damaged') });
    const truncated = demoPrivateKeyPem().replace(/\n[A-Za-z0-9+/=]+\n-----END/, '\n-----END');
    expect(await loadPrivateKey(truncated, [{ fingerprint: 'x' }])).toEqual({ ok: false, message: expect.stringContaining('damaged') });
  });
});

describe('parsePublicKeyPem', () => {
  it('fingerprints the demo key the same way as a loaded private key', async () => {
    expect(await demoFingerprint()).toMatch(/^([0-9a-f]{2}:){31}[0-9a-f]{2}$/);
  });

  it('refuses a private key, a 1024-bit key and garbage', async () => {
    expect(await parsePublicKeyPem(demoPrivateKeyPem())).toEqual({ ok: false, message: expect.stringContaining('BEGIN PUBLIC KEY') });
    expect(await parsePublicKeyPem(generateRsaKeyPair(1024).publicKeyPem)).toEqual({ ok: false, message: expect.stringContaining('RSA-1024') });
    expect(await parsePublicKeyPem('-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----')).toEqual({
      ok: false,
      message: expect.stringContaining('damaged'),
    });
  });
});
