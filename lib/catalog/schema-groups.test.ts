import { DuckDBInstance } from '@duckdb/node-api';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignSchemaGroups } from './schema-groups';
import type { CatalogFile, CatalogTable } from './types';

let root: string;
/** Real Parquet files: `a` and `aLarge` share a schema; `ab` has an extra column. */
let a: Buffer;
let aLarge: Buffer;
let ab: Buffer;
/** Not Parquet at all. */
const garbage = Buffer.from('PAR1 not really parquet, just text');

const MODIFIED = '2026-01-01T00:00:00.000Z';
const UNREADABLE = /^not a readable Parquet file, skipped: \S/;

/** Writes each file under the root and returns the table that lists them, with `bytes` as the walk saw it. */
async function table(name: string, files: [rel: string, content: Buffer][]): Promise<CatalogTable> {
  const listed: CatalogFile[] = [];
  for (const [rel, content] of files) {
    const filePath = `${name}/${rel}`;
    const absolute = path.join(root, ...filePath.split('/'));
    await mkdir(path.dirname(absolute), { recursive: true });
    await writeFile(absolute, content);
    listed.push({ path: filePath, size: content.length, modified: MODIFIED, partition: { clusterid: rel.slice('clusterid='.length, rel.indexOf('/')) } });
  }
  return {
    name,
    path: name,
    partitionKeys: [{ name: 'clusterid', type: 'VARCHAR' }],
    files: listed,
    bytes: listed.reduce((sum, file) => sum + file.size, 0),
  };
}

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'clusterscope-schema-groups-'));
  const fixtures = path.join(root, '.fixtures');
  await mkdir(fixtures);
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const write = async (name: string, select: string): Promise<Buffer> => {
    const target = path.join(fixtures, name);
    await connection.run(`COPY (${select}) TO '${target.replaceAll("'", "''")}' (FORMAT PARQUET)`);
    return readFile(target);
  };
  try {
    a = await write('a.parquet', 'SELECT 1::INTEGER AS a');
    aLarge = await write('a-large.parquet', 'SELECT range::INTEGER AS a FROM range(1000)');
    ab = await write('ab.parquet', "SELECT 1::INTEGER AS a, 'x' AS b");
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('assignSchemaGroups', () => {
  it('numbers the distinct schemas of each table and drops unreadable files with a warning', async () => {
    const query = await table('stl_query', [
      ['clusterid=a/p0.parquet', a],
      ['clusterid=a/p1.parquet', garbage],
      ['clusterid=b/p0.parquet', ab],
      ['clusterid=c/p0.parquet', aLarge],
    ]);
    // Starts with the wider schema: numbering is per table, in file order.
    const scan = await table('stl_scan', [
      ['clusterid=a/p0.parquet', ab],
      ['clusterid=b/p0.parquet', a],
      ['clusterid=c/p0.parquet', ab],
    ]);

    const result = await assignSchemaGroups(root, [query, scan]);

    expect(result.tables.map((t) => t.name)).toEqual(['stl_query', 'stl_scan']);
    const [outQuery, outScan] = result.tables;
    expect(outQuery?.files.map((f) => [f.path, f.schemaGroup])).toEqual([
      ['stl_query/clusterid=a/p0.parquet', 0],
      ['stl_query/clusterid=b/p0.parquet', 1],
      ['stl_query/clusterid=c/p0.parquet', 0],
    ]);
    expect(outScan?.files.map((f) => [f.path, f.schemaGroup])).toEqual([
      ['stl_scan/clusterid=a/p0.parquet', 0],
      ['stl_scan/clusterid=b/p0.parquet', 1],
      ['stl_scan/clusterid=c/p0.parquet', 0],
    ]);

    // The rest of each file and table is kept; bytes no longer count the dropped file.
    expect(outQuery?.files[1]).toEqual({ ...query.files[2], schemaGroup: 1 });
    expect(outQuery?.partitionKeys).toEqual(query.partitionKeys);
    expect(query.bytes).toBe(a.length + garbage.length + ab.length + aLarge.length);
    expect(outQuery?.bytes).toBe(a.length + ab.length + aLarge.length);
    expect(outScan?.bytes).toBe(scan.bytes);

    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]?.path).toBe('stl_query/clusterid=a/p1.parquet');
    expect(result.warnings[0]?.message).toMatch(UNREADABLE);
  });

  it('drops a table whose files are all unreadable', async () => {
    const broken = await table('broken', [
      ['clusterid=a/p0.parquet', garbage],
      ['clusterid=b/p0.parquet', Buffer.from('x'.repeat(30))],
    ]);
    const fine = await table('fine', [['clusterid=a/p0.parquet', a]]);

    const result = await assignSchemaGroups(root, [broken, fine]);

    expect(result.tables.map((t) => t.name)).toEqual(['fine']);
    expect(result.tables[0]?.files.map((f) => f.schemaGroup)).toEqual([0]);
    expect(result.tables[0]?.bytes).toBe(a.length);
    expect(result.warnings.map((w) => w.path)).toEqual(['broken/clusterid=a/p0.parquet', 'broken/clusterid=b/p0.parquet']);
    for (const warning of result.warnings) expect(warning.message).toMatch(UNREADABLE);
  });
});
