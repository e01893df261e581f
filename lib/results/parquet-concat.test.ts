import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNodeEngine, type NodeEngine } from '../engine/testing/node-engine';
import { concatParquet, ParquetConcatError } from './parquet-concat';
import { readStruct, writeStruct } from './thrift-compact';

let engine: NodeEngine;
let folder: string;
beforeAll(async () => {
  engine = await startNodeEngine();
  folder = mkdtempSync(path.join(tmpdir(), 'parquet-concat-'));
}, 60_000);
afterAll(() => {
  engine?.close();
  rmSync(folder, { recursive: true, force: true });
});

const ROWS = `SELECT i, i * 2 AS twice, CASE WHEN i % 7 = 0 THEN NULL ELSE 'user-' || (i % 13)::VARCHAR END AS name,
  TIMESTAMP '2026-11-01 00:00:00.000001' + to_microseconds(i * 1000003) AS ts, (i / 3)::DECIMAL(18,3) AS amount,
  [i, i + 1] AS pair, {'k': i % 5, 'v': 'x' || i::VARCHAR} AS record
  FROM range(ROWS) t(i)`;

/** Writes a Parquet file with the browser's engine (DuckDB-WASM 1.28). */
function parquetOf(sql: string): Uint8Array {
  const name = `part-${Math.random().toString(36).slice(2)}.parquet`;
  engine.db.registerFileBuffer(name, new Uint8Array());
  engine.conn.query(`COPY (${sql}) TO '${name}' (FORMAT PARQUET)`);
  const bytes = engine.db.copyFileToBuffer(name);
  engine.db.dropFile(name);
  return bytes;
}

function joined(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

async function nativeRows(file: string, sql: string): Promise<string[][]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll(sql.replace('FILE', `read_parquet('${file}')`));
    return reader.getRows().map((row) => row.map((value) => String(value)));
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

describe('the Thrift footer', () => {
  it('decodes and encodes back byte for byte', () => {
    const bytes = parquetOf(ROWS.replace('ROWS', '1000'));
    const length = new DataView(bytes.buffer, bytes.byteOffset + bytes.length - 8, 4).getUint32(0, true);
    const footer = bytes.subarray(bytes.length - 8 - length, bytes.length - 8);
    const { struct, end } = readStruct(footer);
    expect(end).toBe(footer.length);
    expect(writeStruct(struct)).toEqual(footer);
  });
});

describe('concatParquet', () => {
  it('joins parts into one file that DuckDB (native and WASM) reads in order', async () => {
    const sizes = [50_000, 130_000, 1, 70_000];
    let start = 0;
    const parts = sizes.map((size) => {
      const sql = `SELECT * FROM (${ROWS.replace('ROWS', String(start + size))}) WHERE i >= ${start}`;
      start += size;
      return parquetOf(sql);
    });
    const result = concatParquet(parts);
    const bytes = joined(result.parts);
    expect(bytes.length).toBe(result.byteLength);
    const file = path.join(folder, 'joined.parquet');
    writeFileSync(file, bytes);

    const total = sizes.reduce((sum, size) => sum + size, 0);
    const check = `SELECT count(*), sum(i), count(name), max(ts), sum(amount), sum(pair[2]), sum(record.k),
      bool_and(i = rn - 1) FROM (SELECT *, row_number() OVER () AS rn FROM FILE)`;
    const expected = await nativeRows(file, check.replace('FROM FILE', `FROM (${ROWS.replace('ROWS', String(total))})`));
    expect(await nativeRows(file, check)).toEqual(expected);
    expect(expected[0]?.[0]).toBe(String(total));
    expect(expected[0]?.[7]).toBe('true');
    // One row group per part here (each is under DuckDB's 122,880-row group size, but one).
    expect(await nativeRows(file, `SELECT count(DISTINCT row_group_id) FROM parquet_metadata('${file}')`)).toEqual([['5']]);

    engine.db.registerFileBuffer('joined.parquet', bytes);
    const wasm = engine.conn.query("SELECT count(*) AS n, sum(i)::BIGINT AS s, min(i) AS lo, max(i) AS hi FROM 'joined.parquet'").toArray()[0];
    engine.db.dropFile('joined.parquet');
    expect({ ...wasm }).toEqual({ n: BigInt(total), s: BigInt((total * (total - 1)) / 2), lo: 0n, hi: BigInt(total - 1) });
  });

  it('passes a single part through and refuses what is not Parquet or does not match', () => {
    const one = parquetOf('SELECT 1 AS a');
    expect(concatParquet([one]).parts).toEqual([one]);
    expect(() => concatParquet([one, new TextEncoder().encode('a,b\n1,2\n')])).toThrow(ParquetConcatError);
    expect(() => concatParquet([one, parquetOf("SELECT 'x' AS a")])).toThrow('different schema');
    expect(() => concatParquet([])).toThrow(ParquetConcatError);
  });
});
