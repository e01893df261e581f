import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNodeEngine, type NodeEngine } from '../engine/testing/node-engine';
import { applyMasks, filterMask, narrows, normalizeNeedle } from './filter';
import { resultOf } from './testing';

let engine: NodeEngine;
beforeAll(async () => {
  engine = await startNodeEngine();
}, 60_000);
afterAll(() => engine?.close());

function kept(mask: Uint8Array): number[] {
  return Array.from(mask.keys()).filter((row) => mask[row] === 1);
}

describe('filterMask', () => {
  const sql = `SELECT * FROM (VALUES
    ('Alpha', 12, TIMESTAMP '2026-11-27 10:00:00.5'),
    ('beta', 120, TIMESTAMP '2026-10-01 00:00:00'),
    (NULL, NULL, NULL),
    ('ALPHABET', 9007199254740993::BIGINT, TIMESTAMP '1999-11-27 00:00:00')
  ) t(name, n, at)`;

  it('matches the shown text, ignoring case', () => {
    const rows = resultOf(engine, sql);
    expect(kept(filterMask(rows, 0, normalizeNeedle('ALPHA')))).toEqual([0, 3]);
    expect(kept(filterMask(rows, 0, normalizeNeedle('Null')))).toEqual([2]);
    expect(kept(filterMask(rows, 1, '12'))).toEqual([0, 1]);
    expect(kept(filterMask(rows, 1, '740993'))).toEqual([3]);
    expect(kept(filterMask(rows, 2, '11-27'))).toEqual([0, 3]);
    expect(kept(filterMask(rows, 2, ':00.5'))).toEqual([0]);
  });

  it('narrows from an earlier mask without reading rows it dropped', () => {
    const rows = resultOf(engine, sql);
    const wide = filterMask(rows, 0, 'al');
    expect(narrows('alph', 'al')).toBe(true);
    expect(narrows('be', 'al')).toBe(false);
    expect(narrows('al', '')).toBe(false);
    expect(kept(filterMask(rows, 0, 'alphab', wide))).toEqual([3]);
  });
});

describe('applyMasks', () => {
  it('keeps rows every mask keeps, in the given order', () => {
    const a = Uint8Array.from([1, 1, 0, 1, 1]);
    const b = Uint8Array.from([1, 0, 1, 1, 1]);
    expect(Array.from(applyMasks(null, 5, [a, b]) ?? [])).toEqual([0, 3, 4]);
    expect(Array.from(applyMasks(Uint32Array.from([4, 3, 2, 1, 0]), 5, [a, b]) ?? [])).toEqual([4, 3, 0]);
    const order = Uint32Array.from([1, 0]);
    expect(applyMasks(order, 2, [])).toBe(order);
    expect(applyMasks(null, 2, [])).toBeNull();
  });
});
