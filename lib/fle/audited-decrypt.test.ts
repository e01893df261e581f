import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditInput } from '@/lib/audit/types';
import { encryptVector, generateVectorKeys, pemBody, type VectorKeys } from './testing/vectors';
import type { FleValueDecrypter } from './decrypt-value';
import type { DecryptPool } from './pool';
import { AuditRefusedError, auditedDecrypt } from './audited-decrypt';

(globalThis as { window?: unknown }).window = globalThis;

let keys: VectorKeys;
let decryptValue: FleValueDecrypter;
let calls = 0;

/** The pool's contract, in-process: the real SDK decrypter, no workers (Node has none). */
const inProcessPool: DecryptPool = {
  size: 1,
  async decrypt(values, options = {}) {
    const out = [];
    for (const [index, value] of values.entries()) {
      if (options.signal?.aborted) throw new DOMException('cancelled', 'AbortError');
      calls += 1;
      const result = await decryptValue(value);
      out.push(result);
      options.onResults?.(index, [result]);
      options.onProgress?.(index + 1, values.length);
    }
    return out;
  },
  terminate() {},
};

beforeAll(async () => {
  keys = generateVectorKeys('AuditProvider', 'AuditKey');
  const { createValueDecrypter } = await import('./decrypt-value');
  const { importUnwrapKey } = await import('./import-key');
  decryptValue = createValueDecrypter({ ...keys, privateKey: await importUnwrapKey(pemBody(keys.privateKeyPem)) });
});

const PLACE = { source: 'data/sample', table: 'stl_query', column: 'querytxt' };

describe('auditedDecrypt', () => {
  it('writes a start record before and a completion record with counts after, never values', async () => {
    const values = [await encryptVector(keys, 'plain one', 0x0178), 'not base64!', await encryptVector(keys, 'plain two', 0x0378)];
    const records: AuditInput[] = [];
    const outcome = await auditedDecrypt(inProcessPool, values, { action: 'decrypt-column', place: PLACE, audit: async (input) => records.push(input) });
    expect(outcome.results).toEqual([
      { ok: true, plaintext: 'plain one' },
      { ok: false, reason: 'not-base64' },
      { ok: true, plaintext: 'plain two' },
    ]);
    expect(records.map((record) => [record.phase, record.rowCount, record.succeeded, record.failed])).toEqual([
      ['start', 3, null, null],
      ['complete', 3, 2, 1],
    ]);
    expect(records[0]?.runId).toBe(records[1]?.runId);
    const logged = JSON.stringify(records);
    for (const text of ['plain one', 'plain two', ...values]) expect(logged).not.toContain(text);
  });

  it('decrypts nothing when the start record cannot be written (fail closed)', async () => {
    calls = 0;
    const value = await encryptVector(keys, 'secret', 0x0178);
    const refused = auditedDecrypt(inProcessPool, [value], {
      action: 'reveal',
      place: PLACE,
      audit: async () => Promise.reject(new Error('503 Service Unavailable')),
    });
    await expect(refused).rejects.toThrow(AuditRefusedError);
    await expect(refused).rejects.toThrow('Decryption refused: the audit record could not be written (503 Service Unavailable)');
    expect(calls).toBe(0);
  });

  it('keeps finished values of a cancelled run and records the cancel', async () => {
    const values = await Promise.all([1, 2, 3].map((n) => encryptVector(keys, `v${n}`, 0x0178)));
    const controller = new AbortController();
    const records: AuditInput[] = [];
    const outcome = await auditedDecrypt(inProcessPool, values, {
      action: 'decrypt-column',
      place: PLACE,
      signal: controller.signal,
      onProgress: (done) => done === 1 && controller.abort(),
      audit: async (input) => records.push(input),
    });
    expect(outcome.cancelled).toBe(true);
    expect(outcome.results[0]).toEqual({ ok: true, plaintext: 'v1' });
    expect(records.at(-1)).toMatchObject({ phase: 'complete', succeeded: 1, failed: 0, note: 'cancelled' });
  });
});
