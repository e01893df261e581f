import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNodeEngine, type NodeEngine } from '../engine/testing/node-engine';
import { defusedSelectList, exportColumnsSql, originOfType, parseExportColumns } from './csv-sql';

let engine: NodeEngine;
beforeAll(async () => {
  engine = await startNodeEngine();
}, 60_000);
afterAll(() => engine?.close());

describe('column types', () => {
  it('treats numbers, booleans, dates and times as values and every other type as text', () => {
    for (const type of ['INTEGER', 'UBIGINT', 'HUGEINT', 'DOUBLE', 'DECIMAL(18,3)', 'BOOLEAN', 'DATE', 'TIMESTAMP', 'TIMESTAMP WITH TIME ZONE'])
      expect(originOfType(type)).toBe('value');
    for (const type of ['VARCHAR', 'BLOB', 'INTERVAL', "ENUM('a')", 'INTEGER[]', 'STRUCT(a INTEGER)', 'UUID']) expect(originOfType(type)).toBe('text');
  });

  it('refuses an answer it cannot read', () => {
    expect(() => parseExportColumns('not hex')).toThrow(/could not read the columns/);
  });
});

describe('in DuckDB-WASM 1.28', () => {
  it('reads back odd names and types, and defuses text columns and headers only', () => {
    engine.conn.query(`CREATE TEMP TABLE "odd, table" AS (SELECT -5 AS "a,""b", '=1' AS "é:x", 'x'::ENUM('x', 'y,(z') AS e, [1, 2] AS l, '+1' AS "@h")`);
    const raw = String(engine.conn.query(exportColumnsSql('odd, table')).getChildAt(0)?.get(0));
    const columns = parseExportColumns(raw);
    expect(columns).toEqual([
      { name: 'a,"b', type: 'INTEGER' },
      { name: 'é:x', type: 'VARCHAR' },
      { name: 'e', type: "ENUM('x', 'y,(z')" },
      { name: 'l', type: 'INTEGER[]' },
      { name: '@h', type: 'VARCHAR' },
    ]);
    const row = engine.conn.query(`SELECT ${defusedSelectList(columns)} FROM "odd, table"`);
    expect(row.schema.fields.map((field) => field.name)).toEqual(['a,"b', 'é:x', 'e', 'l', "'@h"]);
    expect(JSON.stringify(row.toArray()[0]?.toJSON())).toBe(`{"a,\\"b":-5,"é:x":"'=1","e":"x","l":"[1, 2]","'@h":"'+1"}`);
    engine.conn.query('DROP TABLE "odd, table"');
  });
});
