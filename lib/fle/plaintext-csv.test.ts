import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNodeEngine, type NodeEngine } from '@/lib/engine/testing/node-engine';
import { resultOf } from '@/lib/results/testing';
import type { FleValueResult } from './decrypt-value';
import { plaintextCsv } from './plaintext-csv';

let engine: NodeEngine;
beforeAll(async () => {
  engine = await startNodeEngine();
}, 60_000);
afterAll(() => engine?.close());

describe('plaintextCsv', () => {
  it('puts decrypted values in place, keeps the rest, and names failures', () => {
    const rows = resultOf(engine, "SELECT * FROM (VALUES (1, 'AYAB111'), (2, 'AYAB222'), (3, 'AYAB333')) t(id, txt) ORDER BY id");
    const outcomes = new Map<number, FleValueResult>([
      [0, { ok: true, plaintext: 'select "a", 1' }],
      [1, { ok: false, reason: 'damaged' }],
    ]);
    const csv = plaintextCsv(rows, (row, column) => (column === 1 ? outcomes.get(row) : undefined));
    expect(csv).toBe('id,txt\r\n1,"select ""a"", 1"\r\n2,[damaged value]\r\n3,AYAB333\r\n');
  });

  it('defuses decrypted values that start like a formula', () => {
    const rows = resultOf(engine, "SELECT * FROM (VALUES (-1, 'AYAB111'), (2, 'AYAB222')) t(id, txt) ORDER BY id");
    const outcomes = new Map<number, FleValueResult>([
      [0, { ok: true, plaintext: '=WEBSERVICE("http://x.example")' }],
      [1, { ok: true, plaintext: '+1' }],
    ]);
    const csv = plaintextCsv(rows, (row, column) => (column === 1 ? outcomes.get(row) : undefined));
    expect(csv).toBe('id,txt\r\n-1,"\'=WEBSERVICE(""http://x.example"")"\r\n2,\'+1\r\n');
  });
});
