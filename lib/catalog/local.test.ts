import { DuckDBInstance } from '@duckdb/node-api';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildLocalManifest, emptyPartitionWarnings } from './local';
import { walkParquetFiles } from './walk';

let tmp: string;
/** Real Parquet files: `small` and `large` share one schema (a INTEGER); `drifted` adds a column. */
let small: Buffer;
let large: Buffer;
let drifted: Buffer;

beforeAll(async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'clusterscope-catalog-fixtures-'));
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const write = async (name: string, select: string): Promise<Buffer> => {
    const target = path.join(dir, name);
    await connection.run(`COPY (${select}) TO '${target.replaceAll("'", "''")}' (FORMAT PARQUET)`);
    return readFile(target);
  };
  try {
    small = await write('small.parquet', 'SELECT 1::INTEGER AS a');
    large = await write('large.parquet', 'SELECT range::INTEGER AS a FROM range(1000)');
    drifted = await write('drifted.parquet', "SELECT 1::INTEGER AS a, 'x' AS b");
  } finally {
    connection.closeSync();
    instance.closeSync();
    await rm(dir, { recursive: true, force: true });
  }
});

beforeEach(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'clusterscope-catalog-'));
});

afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** Writes `content` at `rel` under the temp root, creating folders. */
async function put(rel: string, content: string | Buffer = small): Promise<void> {
  const abs = path.join(tmp, ...rel.split('/'));
  await mkdir(path.dirname(abs), { recursive: true });
  await writeFile(abs, content);
}

const now = (): Date => new Date('2026-02-03T04:05:06.000Z');
const DATA = 'extract_redshift_query_logs/data';

describe('buildLocalManifest', () => {
  it('builds tables from a Spark-style export and ignores Spark bookkeeping', async () => {
    await put(`${DATA}/stl_query/clusterid=b/startdate=2026-01-02/part-00001-u.c000.snappy.parquet`, large);
    await put(`${DATA}/stl_query/clusterid=a/startdate=2026-01-01/part-00000-u.c000.snappy.parquet`, small);
    await put(`${DATA}/stl_query/clusterid=a/startdate=2026-01-01/.part-00000-u.c000.snappy.parquet.crc`, 'crc');
    await put(`${DATA}/stl_query/_SUCCESS`, '');
    await put(`${DATA}/stl_query/_temporary/0/part-9.parquet`, 'tmp');
    await put(`${DATA}/stl_scan/clusterid=a/startdate=2026-01-01/part-00000-v.c000.snappy.parquet`, small);
    await put('README.md', 'notes');

    const manifest = await buildLocalManifest(tmp, { now });
    expect(manifest.problem).toBeUndefined();
    expect(manifest.warnings).toEqual([]);
    expect(manifest.source).toBe(tmp);
    expect(manifest.builtAt).toBe('2026-02-03T04:05:06.000Z');
    expect(manifest.tables.map((t) => t.name)).toEqual(['stl_query', 'stl_scan']);
    const query = manifest.tables[0];
    expect(query?.path).toBe(`${DATA}/stl_query`);
    expect(small.length).not.toBe(large.length);
    expect(query?.bytes).toBe(small.length + large.length);
    expect(query?.partitionKeys).toEqual([
      { name: 'clusterid', type: 'VARCHAR' },
      { name: 'startdate', type: 'DATE' },
    ]);
    expect(query?.files.map((f) => [f.path, f.size])).toEqual([
      [`${DATA}/stl_query/clusterid=a/startdate=2026-01-01/part-00000-u.c000.snappy.parquet`, small.length],
      [`${DATA}/stl_query/clusterid=b/startdate=2026-01-02/part-00001-u.c000.snappy.parquet`, large.length],
    ]);
    expect(query?.files.map((f) => f.schemaGroup)).toEqual([0, 0]);
    expect(query?.files[0]?.modified).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('reads real Parquet files written by DuckDB', async () => {
    await mkdir(path.join(tmp, 'stl_query', 'cluster=a', 'date=2026-11-01'), { recursive: true });
    const target = path.join(tmp, 'stl_query', 'cluster=a', 'date=2026-11-01', 'part-0.parquet');
    const instance = await DuckDBInstance.create();
    const connection = await instance.connect();
    try {
      await connection.run(`COPY (SELECT 1 AS a) TO '${target.replaceAll("'", "''")}' (FORMAT PARQUET)`);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
    const manifest = await buildLocalManifest(tmp, { now });
    const file = manifest.tables[0]?.files[0];
    expect(file?.path).toBe('stl_query/cluster=a/date=2026-11-01/part-0.parquet');
    expect(file?.size).toBeGreaterThan(8);
    expect(file?.partition).toEqual({ cluster: 'a', date: '2026-11-01' });
  });

  it('handles a region= level and URL-escaped values', async () => {
    await put('stl_wlm_query/region=eu-west-1/cluster=a/date=2026-11-01/p.parquet');
    await put('stl_wlm_query/region=us%3Aeast/cluster=b/date=2026-11-02/p.parquet');
    const manifest = await buildLocalManifest(tmp, { now });
    const table = manifest.tables[0];
    expect(table?.partitionKeys.map((k) => k.name)).toEqual(['region', 'cluster', 'date']);
    expect(table?.files.map((f) => f.partition.region)).toEqual(['eu-west-1', 'us:east']);
    expect(table?.files[1]?.path).toBe('stl_wlm_query/region=us%3Aeast/cluster=b/date=2026-11-02/p.parquet');
  });

  it('warns about zero-byte files and partition folders without Parquet files', async () => {
    await put('t/clusterid=a/startdate=2026-01-01/ok.parquet');
    await put('t/clusterid=a/startdate=2026-01-02/empty.parquet', '');
    await put('t/clusterid=a/startdate=2026-01-03/_SUCCESS', '');
    await mkdir(path.join(tmp, 't', 'clusterid=b', 'startdate=2026-01-01'), { recursive: true });
    const manifest = await buildLocalManifest(tmp, { now });
    expect(manifest.tables[0]?.files.map((f) => f.path)).toEqual(['t/clusterid=a/startdate=2026-01-01/ok.parquet']);
    expect(manifest.warnings).toEqual([
      { path: 't/clusterid=a/startdate=2026-01-02/empty.parquet', message: 'empty file (0 bytes), skipped' },
      { path: 't/clusterid=a/startdate=2026-01-03', message: 'partition folder has no Parquet files' },
      { path: 't/clusterid=b', message: 'partition folder has no Parquet files' },
    ]);
  });

  it('gives a table whose clusters drifted to different schemas one schema group per schema', async () => {
    await put('stl_query/clusterid=a/startdate=2026-01-01/p0.parquet', small);
    await put('stl_query/clusterid=a/startdate=2026-01-02/p0.parquet', large);
    await put('stl_query/clusterid=b/startdate=2026-01-01/p0.parquet', drifted);
    await put('stl_query/clusterid=b/startdate=2026-01-02/p0.parquet', drifted);
    await put('stl_scan/clusterid=b/startdate=2026-01-01/p0.parquet', drifted);
    const manifest = await buildLocalManifest(tmp, { now });
    expect(manifest.warnings).toEqual([]);
    expect(manifest.tables.map((t) => t.name)).toEqual(['stl_query', 'stl_scan']);
    expect(manifest.tables[0]?.files.map((f) => [f.path, f.schemaGroup])).toEqual([
      ['stl_query/clusterid=a/startdate=2026-01-01/p0.parquet', 0],
      ['stl_query/clusterid=a/startdate=2026-01-02/p0.parquet', 0],
      ['stl_query/clusterid=b/startdate=2026-01-01/p0.parquet', 1],
      ['stl_query/clusterid=b/startdate=2026-01-02/p0.parquet', 1],
    ]);
    expect(manifest.tables[0]?.bytes).toBe(small.length + large.length + 2 * drifted.length);
    // Groups are numbered per table: the other table's only schema is its group 0.
    expect(manifest.tables[1]?.files.map((f) => f.schemaGroup)).toEqual([0]);
  });

  it('disambiguates tables whose folder names collide', async () => {
    await put('prod/data/stl_query/a=1/p.parquet');
    await put('dev/data/stl_query/a=1/p.parquet');
    const manifest = await buildLocalManifest(tmp, { now });
    expect(manifest.tables.map((t) => t.name)).toEqual(['stl_query_dev', 'stl_query_prod']);
    expect(manifest.warnings.map((w) => w.path)).toEqual(['dev/data/stl_query', 'prod/data/stl_query']);
  });

  it('reports a missing root with how to configure it', async () => {
    const missing = path.join(tmp, 'nope');
    const manifest = await buildLocalManifest(missing, { now });
    expect(manifest.tables).toEqual([]);
    expect(manifest.problem).toContain(`${missing} does not exist`);
    expect(manifest.problem).toContain('CLUSTERSCOPE_SOURCE');
    expect(manifest.problem).toContain('npm run sample');
  });

  it('reports a root with no tables and the expected layout', async () => {
    await put('notes.txt', 'hello');
    const manifest = await buildLocalManifest(tmp, { now });
    expect(manifest.tables).toEqual([]);
    expect(manifest.problem).toContain(`No Parquet tables were found under ${tmp}`);
    expect(manifest.problem).toContain('clusterid=<cluster-id>/startdate=<YYYY-MM-DD>');
  });

  it('reports a root that is a file', async () => {
    await put('file.parquet');
    const manifest = await buildLocalManifest(path.join(tmp, 'file.parquet'), { now });
    expect(manifest.problem).toContain('is not a folder');
  });
});

describe('walkParquetFiles', () => {
  it('follows links inside the root but not outside it or into a loop', async () => {
    const outside = await mkdtemp(path.join(os.tmpdir(), 'clusterscope-outside-'));
    try {
      await writeFile(path.join(outside, 'secret.parquet'), 'secret');
      await put('real/t/a=1/p.parquet');
      await mkdir(path.join(tmp, 'links'), { recursive: true });
      await symlink(path.join(tmp, 'real', 't'), path.join(tmp, 'links', 'linked'));
      await symlink(outside, path.join(tmp, 'links', 'escape'));
      await symlink(path.join(outside, 'secret.parquet'), path.join(tmp, 'real', 't', 'a=1', 'leak.parquet'));
      await symlink(tmp, path.join(tmp, 'real', 'loop'));

      const result = await walkParquetFiles(tmp, { concurrency: 2 });
      expect(result.files.map((f) => f.path).sort()).toEqual(['links/linked/a=1/p.parquet', 'real/t/a=1/p.parquet']);
      const warned = Object.fromEntries(result.warnings.map((w) => [w.path, w.message]));
      expect(warned['links/escape']).toContain('outside the source folder');
      expect(warned['real/t/a=1/leak.parquet']).toContain('outside the source folder');
      expect(warned['real/loop']).toContain('contains it');
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });

  it('lists folders without Parquet files', async () => {
    await put('t/a=1/p.parquet');
    await mkdir(path.join(tmp, 't', 'a=2', 'b=3'), { recursive: true });
    const result = await walkParquetFiles(tmp);
    expect(result.emptyFolders.sort()).toEqual(['t/a=2', 't/a=2/b=3']);
    expect(emptyPartitionWarnings(result.emptyFolders)).toEqual([{ path: 't/a=2', message: 'partition folder has no Parquet files' }]);
  });
});
