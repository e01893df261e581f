import { describe, expect, it } from 'vitest';
import type { ResultSet } from '../engine/result-set';
import { planSections } from './plan';

function result(names: string[], cells: string[][]): ResultSet {
  return {
    columns: names.map((name) => ({ name, type: 'VARCHAR', kind: 'text' })),
    rowCount: cells.length,
    cell: (row, column) => cells[row]?.[column] ?? null,
  };
}

describe('planSections', () => {
  it('recognises EXPLAIN output', () => {
    expect(planSections(result(['explain_key', 'explain_value'], [['physical_plan', '┌─ PROJECTION ─┐']]))).toEqual([
      { title: 'physical plan', text: '┌─ PROJECTION ─┐' },
    ]);
  });

  it('leaves other results alone', () => {
    expect(planSections(result(['explain_key'], [['x']]))).toBeNull();
    expect(planSections(result(['a', 'b'], []))).toBeNull();
  });
});
