/** Result access on real engine output: DuckDB-WASM 1.28's Arrow, as the browser gets it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCell } from './cell-format';
import { resultSetFromBatches, scaleDecimal, type ResultSet } from './result-set';
import { startNodeEngine, type NodeEngine } from './testing/node-engine';

let engine: NodeEngine;

beforeAll(async () => {
  engine = await startNodeEngine();
}, 60_000);

afterAll(() => engine?.close());

function run(sql: string): ResultSet {
  const table = engine.conn.query(sql);
  return resultSetFromBatches(table.schema.fields, table.batches);
}

function texts(rows: ResultSet, row: number): string[] {
  return rows.columns.map((column, index) => formatCell(rows.cell(row, index), column.kind));
}

describe('resultSetFromBatches', () => {
  it('types columns and keeps exact values', () => {
    const rows = run(`SELECT
      9007199254740993::BIGINT AS big,
      42::INTEGER AS small,
      1.5::DOUBLE AS ratio,
      CAST(-1234.5 AS DECIMAL(12,2)) AS money,
      TIMESTAMP '2026-11-27 23:59:59.123456' AS at,
      DATE '2026-02-28' AS day,
      'déjà vu' AS label,
      true AS flag,
      NULL::VARCHAR AS missing`);
    expect(rows.columns.map((column) => `${column.name}:${column.type}:${column.kind}`)).toEqual([
      'big:BIGINT:bigint',
      'small:INTEGER:integer',
      'ratio:DOUBLE:float',
      'money:DECIMAL(12,2):decimal',
      'at:TIMESTAMP:timestamp',
      'day:DATE:date',
      'label:VARCHAR:text',
      'flag:BOOLEAN:boolean',
      'missing:VARCHAR:text',
    ]);
    expect(texts(rows, 0)).toEqual(['9007199254740993', '42', '1.5', '-1234.50', '2026-11-27 23:59:59.123456', '2026-02-28', 'déjà vu', 'true', 'NULL']);
  });

  it('reads rows across many batches in any order', () => {
    const rows = run('SELECT i AS n, make_timestamp(1700000000000000 + i) AS at FROM range(10000) t(i)');
    expect(rows.rowCount).toBe(10_000);
    for (const row of [9_999, 0, 5_000, 2_047, 2_048, 4_097]) {
      expect(rows.cell(row, 0)).toBe(BigInt(row));
      expect(rows.cell(row, 1)).toBe(1_700_000_000_000_000n + BigInt(row));
    }
    expect(rows.cell(10_000, 0)).toBeNull();
  });

  it('handles an empty result', () => {
    const rows = run('SELECT 1 AS a WHERE false');
    expect(rows.rowCount).toBe(0);
    expect(rows.columns).toEqual([{ name: 'a', type: 'INTEGER', kind: 'integer' }]);
  });
});

describe('scaleDecimal', () => {
  it('places the point and pads small values', () => {
    expect(scaleDecimal('-12345', 2)).toBe('-123.45');
    expect(scaleDecimal('5', 3)).toBe('0.005');
    expect(scaleDecimal('700', 0)).toBe('700');
  });
});
