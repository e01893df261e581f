/**
 * Browser side of `npm run bench:fle`: the app's own key loading and worker
 * pool (lib/fle), bundled by bench/fle.ts and run in a page of the production
 * server, next to a raw WebCrypto RSA-OAEP unwrap loop on the same key.
 */
import { fetchFleProfiles } from '@/lib/fle/api-client';
import { createDecryptPool, defaultPoolSize } from '@/lib/fle/pool';
import { loadPrivateKey } from '@/lib/fle/private-key';
import { RSA_OAEP_SHA256 } from '@/lib/fle/import-key';
import { decodeBase64 } from '@/lib/fle/base64';

/** What the page reports back. */
export interface FleBenchFigures {
  workers: number;
  rawPerSecond: number;
  unsignedPerSecond: number;
  signedPerSecond: number;
  unsignedOk: number;
  signedOk: number;
}

/** Input from Node: the key, base64 RSA-OAEP ciphertexts of data keys, and FLE values of each suite. */
export interface FleBenchInput {
  pem: string;
  rawWrapped: string[];
  unsigned: string[];
  signed: string[];
}

async function run(input: FleBenchInput): Promise<FleBenchFigures> {
  const profiles = await fetchFleProfiles();
  const loaded = await loadPrivateKey(input.pem, profiles);
  if (!loaded.ok) throw new Error(loaded.message);
  const profile = profiles.find((candidate) => candidate.fingerprint === loaded.loaded.fingerprint);
  if (!profile) throw new Error('no profile for the key');

  // Raw rate: one RSA-OAEP unwrap at a time on this page's thread, the way one worker meets them.
  const der = decodeBase64(input.pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''));
  const rawKey = await crypto.subtle.importKey('pkcs8', der as Uint8Array<ArrayBuffer>, RSA_OAEP_SHA256, false, ['unwrapKey']);
  const wrapped = input.rawWrapped.map((text) => decodeBase64(text) as Uint8Array<ArrayBuffer>);
  const unwrap = (bytes: Uint8Array<ArrayBuffer>): Promise<CryptoKey> =>
    crypto.subtle.unwrapKey('raw', bytes, rawKey, { name: 'RSA-OAEP' }, { name: 'AES-GCM' }, false, ['decrypt']);
  for (const bytes of wrapped.slice(0, 50)) await unwrap(bytes);
  let started = performance.now();
  for (const bytes of wrapped) await unwrap(bytes);
  const rawPerSecond = wrapped.length / ((performance.now() - started) / 1000);

  const pool = await createDecryptPool({ keyNamespace: profile.providerName, keyName: profile.keyName, privateKey: loaded.loaded.key }, defaultPoolSize());
  try {
    const timed = async (values: string[]): Promise<[number, number]> => {
      await pool.decrypt(values.slice(0, 64));
      started = performance.now();
      const results = await pool.decrypt(values);
      const seconds = (performance.now() - started) / 1000;
      return [values.length / seconds, results.filter((result) => result.ok).length];
    };
    const [unsignedPerSecond, unsignedOk] = await timed(input.unsigned);
    const [signedPerSecond, signedOk] = await timed(input.signed);
    return { workers: pool.size, rawPerSecond, unsignedPerSecond, signedPerSecond, unsignedOk, signedOk };
  } finally {
    pool.terminate();
  }
}

(globalThis as { fleBench?: typeof run }).fleBench = run;
