import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResultSet } from '../engine/result-set';
import { startNodeEngine, type NodeEngine } from '../engine/testing/node-engine';
import { filterMask } from './filter';
import { MaskCache } from './mask-cache';
import { resultOf } from './testing';

let engine: NodeEngine;
beforeAll(async () => {
  engine = await startNodeEngine();
}, 60_000);
afterAll(() => engine?.close());

/** Counts the cells read, to see what the cache saves. */
function counting(rows: ResultSet): { rows: ResultSet; reads: () => number } {
  let reads = 0;
  return {
    rows: {
      columns: rows.columns,
      rowCount: rows.rowCount,
      cell: (row, column) => {
        reads += 1;
        return rows.cell(row, column);
      },
    },
    reads: () => reads,
  };
}

describe('MaskCache', () => {
  it('gives the same masks as filtering from scratch, reading fewer cells as a needle grows', () => {
    const base = resultOf(engine, "SELECT 'row-' || i::VARCHAR AS name FROM range(10000) t(i)");
    const { rows, reads } = counting(base);
    const cache = new MaskCache(rows);
    expect(cache.mask(0, '1')).toEqual(filterMask(base, 0, '1'));
    expect(reads()).toBe(10_000);
    expect(cache.mask(0, '12')).toEqual(filterMask(base, 0, '12'));
    expect(reads()).toBe(10_000 + 3_439);
    cache.mask(0, '1');
    expect(reads()).toBe(10_000 + 3_439);
  });

  it('forgets the least recently used mask beyond its capacity', () => {
    const base = resultOf(engine, 'SELECT i FROM range(100) t(i)');
    const { rows, reads } = counting(base);
    const cache = new MaskCache(rows, 2);
    cache.mask(0, '5');
    cache.mask(0, '7');
    cache.mask(0, '5');
    cache.mask(0, '9');
    const before = reads();
    cache.mask(0, '5');
    expect(reads()).toBe(before);
    cache.mask(0, '7');
    expect(reads()).toBe(before + 100);
  });
});
