/**
 * Bound SQL on the real engine (DuckDB-WASM 1.28, DuckDB 0.9.1): values come
 * back exactly as given, and hostile text stays data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNodeEngine, type NodeEngine } from '../engine/testing/node-engine';
import { bindParameters, describeParamErrors } from './bind';
import type { ParamDefinition, ParamValues } from './types';

let engine: NodeEngine;

beforeAll(async () => {
  engine = await startNodeEngine();
  engine.conn.query("CREATE TABLE t AS SELECT * FROM (VALUES ('a', 1), ('b', 2), ('x', 3)) v(label, n)");
}, 60_000);

afterAll(() => engine?.close());

function run(sql: string, defs: ParamDefinition[], values: ParamValues): Record<string, unknown>[] {
  const bound = bindParameters(sql, defs, values);
  if (!bound.ok) throw new Error(describeParamErrors(bound.errors));
  return engine.conn
    .query(bound.sql)
    .toArray()
    .map((row) => ({ ...(row as object) }) as Record<string, unknown>);
}

const text: ParamDefinition = { name: 't', type: 'text' };

describe('bound parameters on DuckDB-WASM', () => {
  it('returns hostile and Unicode text unchanged', () => {
    const values = ["x' OR 1=1 --", "'; DROP TABLE t; --", 'back\\slash\\', '/* {{t}} */', '$$ dollar $$', 'Zoë 😀 日本語', 'line\nbreak', "''", ''];
    for (const value of values) expect(run('SELECT {{t}} AS v', [text], { t: value })).toEqual([{ v: value }]);
  });

  it('keeps the injection string as data in a filter', () => {
    expect(run('SELECT count(*)::INTEGER AS c FROM t WHERE label = {{t}}', [text], { t: "x' OR 1=1 --" })).toEqual([{ c: 0 }]);
    expect(run('SELECT count(*)::INTEGER AS c FROM t', [], {})).toEqual([{ c: 3 }]);
  });

  it('filters with a multi-select IN list, dates and negative numbers', () => {
    const defs: ParamDefinition[] = [
      { name: 'labels', type: 'multi_select' },
      { name: 'n', type: 'number' },
      { name: 'days', type: 'date_range' },
    ];
    const rows = run(
      'SELECT label, (n-{{n}})::INTEGER AS m, ({{days.end}} - {{days.start}})::INTEGER AS span FROM t WHERE label IN {{labels}} ORDER BY label',
      defs,
      { labels: ['a', 'x', "a' OR 'b'='b"], n: -1, days: { start: '2026-10-30', end: '2026-11-01' } },
    );
    expect(rows).toEqual([
      { label: 'a', m: 2, span: 2 },
      { label: 'x', m: 4, span: 2 },
    ]);
  });
});
