import { describe, expect, it } from 'vitest';
import type { ResultSet } from '@/lib/engine/result-set';
import type { FleValueResult } from './decrypt-value';
import { withPlaintext } from './plaintext-result';

const rows: ResultSet = {
  columns: [
    { name: 'clusterid', type: 'VARCHAR', kind: 'text' },
    { name: 'querytxt', type: 'VARCHAR', kind: 'text' },
  ],
  rowCount: 3,
  cell: (row, column) => (column === 0 ? `c${row}` : `AYADcipher${row}`),
};

const outcomes = new Map<string, FleValueResult>([
  ['0:1', { ok: true, plaintext: 'select 1' }],
  ['1:1', { ok: false, reason: 'damaged' }],
]);
const outcome = (row: number, column: number): FleValueResult | undefined => outcomes.get(`${row}:${column}`);

describe('withPlaintext', () => {
  it('shows decrypted cells as plaintext and never shows ciphertext in a protected column', () => {
    const seen = withPlaintext(rows, [false, true], outcome);
    expect([0, 1, 2].map((row) => seen.cell(row, 1))).toEqual(['select 1', null, null]);
    expect([0, 1, 2].map((row) => seen.cell(row, 0))).toEqual(['c0', 'c1', 'c2']);
    expect(seen.columns).toBe(rows.columns);
    expect(seen.rowCount).toBe(3);
  });
});
