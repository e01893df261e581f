import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCell } from '../engine/cell-format';
import type { ResultSet } from '../engine/result-set';
import { startNodeEngine, type NodeEngine } from '../engine/testing/node-engine';
import { compareDecimalText, identityOrder, nextSort, sortOrder, type SortDirection } from './sort';
import { resultOf } from './testing';

let engine: NodeEngine;
beforeAll(async () => {
  engine = await startNodeEngine();
}, 60_000);
afterAll(() => engine?.close());

function sortedTexts(rows: ResultSet, column: number, direction: SortDirection): string[] {
  const kind = rows.columns[column]!.kind;
  return Array.from(sortOrder(rows, { column, direction }), (row) => formatCell(rows.cell(row, column), kind));
}

/** DuckDB's own order of the same values, NULLs last. */
function duckdbTexts(sql: string, column: string, direction: SortDirection): string[] {
  const rows = resultOf(engine, `SELECT ${column} FROM (${sql}) ORDER BY ${column} ${direction === 'ascending' ? 'ASC' : 'DESC'} NULLS LAST`);
  return Array.from({ length: rows.rowCount }, (_, row) => formatCell(rows.cell(row, 0), rows.columns[0]!.kind));
}

describe('nextSort', () => {
  it('cycles ascending, descending, unsorted; another column starts over', () => {
    expect(nextSort(null, 2)).toEqual({ column: 2, direction: 'ascending' });
    expect(nextSort({ column: 2, direction: 'ascending' }, 2)).toEqual({ column: 2, direction: 'descending' });
    expect(nextSort({ column: 2, direction: 'descending' }, 2)).toBeNull();
    expect(nextSort({ column: 2, direction: 'descending' }, 0)).toEqual({ column: 0, direction: 'ascending' });
  });
});

describe('sortOrder', () => {
  const sql = `SELECT * FROM (VALUES
    (9223372036854775807::BIGINT, -1.5::DOUBLE, 'b', TIMESTAMP '2026-11-27 23:59:59.000001', 12345678901234567.891::DECIMAL(20,3), 3::INTEGER, true, DATE '2026-01-01', 'NaN'::DOUBLE),
    ((-9223372036854775807 - 1)::BIGINT, 'inf'::DOUBLE, 'B', TIMESTAMP '1969-12-31 23:59:59.999999', 12345678901234567.890::DECIMAL(20,3), -7, false, DATE '1900-02-28', 1),
    (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
    (9007199254740993, 0.0, 'abcde', TIMESTAMP '2026-11-27 23:59:59', -0.001, 0, NULL, DATE '2026-01-02', 'inf'::DOUBLE),
    (9007199254740992, -0.0, 'abcd', TIMESTAMP '2026-11-27 23:59:59.000002', 0, 2147483647, true, NULL, '-inf'::DOUBLE),
    (-1, '-inf'::DOUBLE, 'abcdf', TIMESTAMP '0001-01-01 00:00:00', -12345678901234567.891, -2147483648, false, DATE '2026-01-01', 0)
  ) t(big, ratio, label, at, amount, small, flag, day, weird)`;

  it('matches DuckDB ORDER BY for every type, both ways, NULLs last', () => {
    const rows = resultOf(engine, sql);
    rows.columns.forEach((column, index) => {
      for (const direction of ['ascending', 'descending'] as const) {
        // ±0 compare equal, so only their relative order (result order) may differ from DuckDB's.
        const normalize = (texts: string[]): string[] => texts.map((text) => (text === '-0.0' ? '0.0' : text));
        expect(normalize(sortedTexts(rows, index, direction)), `${column.name} ${direction}`).toEqual(normalize(duckdbTexts(sql, column.name, direction)));
      }
    });
  });

  it('keeps equal values in result order in both directions', () => {
    const rows = resultOf(engine, "SELECT * FROM (VALUES (1, 'x'), (2, 'y'), (1, 'z'), (2, 'w')) t(k, v)");
    expect(Array.from(sortOrder(rows, { column: 0, direction: 'ascending' }))).toEqual([0, 2, 1, 3]);
    expect(Array.from(sortOrder(rows, { column: 0, direction: 'descending' }))).toEqual([1, 3, 0, 2]);
  });

  it('sorts only the rows of a given base order', () => {
    const rows = resultOf(engine, 'SELECT i FROM range(10) t(i)');
    expect(Array.from(sortOrder(rows, { column: 0, direction: 'descending' }, Uint32Array.from([2, 7, 4])))).toEqual([7, 4, 2]);
  });

  it('sorts long texts with shared prefixes exactly', () => {
    const rows = resultOf(engine, "SELECT 'prefix-' || ((i * 7919) % 1000)::VARCHAR AS s FROM range(1000) t(i)");
    const texts = sortedTexts(rows, 0, 'ascending');
    expect(texts).toEqual([...texts].sort());
  });

  it('sorts 1,000,000 BIGINT rows quickly and exactly', () => {
    const rows = resultOf(engine, 'SELECT (i * 7919) % 1000003 AS k, i FROM range(1000000) t(i)');
    const started = performance.now();
    const order = sortOrder(rows, { column: 0, direction: 'descending' });
    const elapsed = performance.now() - started;
    expect(order.length).toBe(1_000_000);
    for (let i = 1; i < order.length; i += 97) expect(rows.cell(order[i - 1]!, 0)! >= rows.cell(order[i]!, 0)!).toBe(true);
    expect(rows.cell(order[0]!, 0)).toBe(1_000_002n);
    console.info(`sorted 1,000,000 BIGINT rows in ${elapsed.toFixed(0)} ms`);
    expect(elapsed).toBeLessThan(5_000);
  });
});

describe('compareDecimalText', () => {
  it('compares signs, magnitudes and fractions exactly', () => {
    const ordered = ['-100.5', '-99.999', '-0.001', '0', '-0.000', '0.0001', '12345678901234567.890', '12345678901234567.891', '99999999999999999999.1'];
    for (let i = 0; i < ordered.length; i += 1) {
      for (let j = 0; j < ordered.length; j += 1) {
        const expected = ordered[i] === '0' && ordered[j] === '-0.000' ? 0 : ordered[i] === '-0.000' && ordered[j] === '0' ? 0 : Math.sign(i - j);
        expect(compareDecimalText(ordered[i]!, ordered[j]!), `${ordered[i]} vs ${ordered[j]}`).toBe(expected);
      }
    }
  });
});

describe('identityOrder', () => {
  it('counts up', () => {
    expect(Array.from(identityOrder(4))).toEqual([0, 1, 2, 3]);
  });
});
