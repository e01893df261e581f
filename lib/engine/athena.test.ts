/** Athena names and Presto macros, on the engine the browser runs (DuckDB-WASM 1.28 in Node). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rewriteAthenaSql } from '../sql/athena';
import { athenaViewSql, PRESTO_MACROS } from './athena';
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

describe('Presto varbinary functions, nested as in Athena (values from the Trino documentation)', () => {
  it('hashes with md5 and sha256 into varbinary, written upper-case by to_hex', () => {
    expect(value("SELECT to_hex(md5(to_utf8('abc')))")).toBe('900150983CD24FB0D6963F7D28E17F72');
    expect(value("SELECT to_hex(sha256(to_utf8('abc')))")).toBe('BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD');
    expect(value("SELECT to_hex(MD5( to_utf8(trim('  abc  ')) ))")).toBe('900150983CD24FB0D6963F7D28E17F72');
    expect(value("SELECT length(md5(to_utf8('abc')))")).toBe('16');
    expect(value("SELECT length(sha256(to_utf8('abc')))")).toBe('32');
  });

  it('counts bytes, not characters, in length over varbinary, and round-trips through from_utf8', () => {
    expect(value("SELECT length(to_utf8('é'))")).toBe('2');
    expect(value("SELECT length('é')")).toBe('1');
    expect(value("SELECT from_utf8(to_utf8('héllo; $$'))")).toBe('héllo; $$');
  });

  it('writes any varbinary as hex, and the empty one as an empty string', () => {
    expect(value("SELECT to_hex(to_utf8('é\\a'))")).toBe('C3A95C61');
    expect(value("SELECT to_hex(from_hex('00ff5c0a7f'))")).toBe('00FF5C0A7F');
    expect(value("SELECT to_hex(to_utf8(''))")).toBe('');
    expect(value('SELECT to_hex(to_utf8(NULL))')).toBe('null');
  });

  it("runs the export solution's cross-cluster grouping unchanged", () => {
    const sql = `SELECT to_hex(md5(to_utf8(trim(clusterid)))) AS h, count(*) AS n
      FROM redshift_query_logs_db.ext_stl_query GROUP BY md5(to_utf8(trim(clusterid))) ORDER BY h`;
    const rows = engine.conn
      .query(rewriteAthenaSql(sql))
      .toArray()
      .map((row: Record<string, unknown>) => `${String(row.h)}:${String(row.n)}`);
    expect(rows).toEqual(['0CC175B9C0F1B6A831C399E269772661:1', '92EB5FFEE6AE2FEC3AD71C777531578F:1']);
  });

  it("leaves DuckDB's own md5, sha256 and length over text as they are", () => {
    expect(value("SELECT md5('abc')")).toBe('900150983cd24fb0d6963f7d28e17f72');
    expect(value("SELECT sha256('abc')")).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(rewriteAthenaSql("SELECT md5('x'), length(s), to_hex(255)")).toBe("SELECT md5('x'), length(s), to_hex(255)");
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

  it('rewrites varbinary calls inside out, leaving strings and comments alone', () => {
    expect(rewriteAthenaSql("SELECT to_hex(md5(to_utf8(x))) /* md5(to_utf8(y)) */, 'length(to_utf8(z))'")).toBe(
      "SELECT presto_to_hex(unhex(md5(decode(to_utf8(x))))) /* md5(to_utf8(y)) */, 'length(to_utf8(z))'",
    );
    expect(rewriteAthenaSql('SELECT length(to_utf8(a), 2), md5(to_utf8(a) || b)')).toBe('SELECT length(to_utf8(a), 2), md5(to_utf8(a) || b)');
  });
});
