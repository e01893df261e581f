/** Athena names and Presto macros, on the engine the browser runs (DuckDB-WASM 1.28 in Node). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { athenaViewSql, PRESTO_MACROS, rewriteAthenaSql } from './athena';
import { startNodeEngine, type NodeEngine } from './testing/node-engine';

let engine: NodeEngine;

beforeAll(async () => {
  engine = await startNodeEngine();
  engine.conn.query("CREATE VIEW stl_query AS SELECT * FROM (VALUES (1, 'a'), (2, 'b')) t(query, clusterid)");
  for (const macro of PRESTO_MACROS) engine.conn.query(macro.sql);
  for (const sql of athenaViewSql(['stl_query'])) engine.conn.query(sql);
}, 60_000);

afterAll(() => engine?.close());

function value(sql: string): string {
  const row = engine.conn.query(rewriteAthenaSql(sql)).toArray()[0] as Record<string, unknown> | undefined;
  const first = row ? Object.values({ ...row })[0] : undefined;
  return typeof first === 'object' && first !== null ? JSON.stringify(first) : String(first);
}

describe('Athena table names', () => {
  it('resolves ext_<table> and redshift_query_logs_db.ext_<table> to the same table', () => {
    expect(value('SELECT count(*) FROM ext_stl_query')).toBe('2');
    expect(value("SELECT count(*) FROM redshift_query_logs_db.ext_stl_query WHERE clusterid = 'b'")).toBe('1');
  });
});

describe('Presto functions', () => {
  it('behave like Athena', () => {
    expect(value("SELECT octet_length(to_utf8('héllo'))")).toBe('6');
    expect(value("SELECT from_utf8(to_utf8('héllo'))")).toBe('héllo');
    expect(value("SELECT date_diff('second', TIMESTAMP '2026-01-01 00:00:00', TIMESTAMP '2026-01-01 00:01:30')")).toBe('90');
    expect(value("SELECT CAST(date_add('day', 2, TIMESTAMP '2026-01-30 10:00:00') AS VARCHAR)")).toBe('2026-02-01 10:00:00');
    expect(value("SELECT CAST(date_add('month', 1, DATE '2026-01-31') AS VARCHAR)")).toBe('2026-02-28 00:00:00');
    expect(value("SELECT CAST(date_add('hour', -3, TIMESTAMP '2026-01-01 01:00:00') AS VARCHAR)")).toBe('2025-12-31 22:00:00');
    expect(value("SELECT CAST(from_iso8601_timestamp('2026-11-01T10:00:00.5+02:00') AS VARCHAR)")).toBe('2026-11-01 08:00:00.5');
    expect(value("SELECT CAST(from_iso8601_date('2026-11-01') AS VARCHAR)")).toBe('2026-11-01');
    expect(value("SELECT array_join(['a', 'b', 'c'], '|')")).toBe('a|b|c');
    expect(value('SELECT to_unixtime(from_unixtime(1700000000))')).toBe('1700000000');
    expect(value("SELECT regexp_like('stl_query', '^stl_')")).toBe('true');
    expect(value('SELECT approx_distinct(i) FROM range(100) t(i)')).toMatch(/^(9\d|10\d)$/);
    expect(value('SELECT approx_percentile(i, 0.5) FROM range(101) t(i)')).toMatch(/^(4\d|5\d)$/);
  });
});

describe('rewriteAthenaSql', () => {
  it('keeps the length and leaves strings and comments alone', () => {
    const sql = "SELECT approx_percentile(x, 0.9), 'approx_percentile(' -- approx_percentile(\nFROM t";
    const rewritten = rewriteAthenaSql(sql);
    expect(rewritten.length).toBe(sql.length);
    expect(rewritten).toBe("SELECT approx_quantile  (x, 0.9), 'approx_percentile(' -- approx_percentile(\nFROM t");
  });

  it('sends Presto date_add to its macro and leaves DuckDB date_add alone', () => {
    expect(rewriteAthenaSql("SELECT date_add('day', 1, t), DATE_ADD( 'hour', 2, t), date_add(d, INTERVAL 1 DAY)")).toBe(
      "SELECT pdateadd('day', 1, t), pdateadd( 'hour', 2, t), date_add(d, INTERVAL 1 DAY)",
    );
  });
});
