import { DuckDBInstance } from '@duckdb/node-api';
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, rm, stat, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSchemas, type SchemaFile, type SchemaResult } from './parquet-schemas';

let tmp: string;

/** Real Parquet files written by DuckDB, plus files DuckDB cannot read. */
const FILES = {
  /** Schema A: one INTEGER column `a`. */
  sameSmall: 'same-small.parquet',
  /** Schema A again, with other data and another size. */
  sameLarge: 'same-large.parquet',
  /** Schema B: `a` plus a VARCHAR `b`. */
  wider: 'wider.parquet',
  /** Schema C: B's columns in the other order. */
  reordered: 'reordered.parquet',
  /** Random bytes. */
  corrupt: 'corrupt.parquet',
  /** Random bytes between Parquet magic numbers, so DuckDB gets as far as the footer. */
  corruptFramed: 'corrupt-framed.parquet',
  /** Plain text with a .parquet name. */
  text: 'text.parquet',
} as const;

const abs = (name: string): string => path.join(tmp, name);

async function describeFile(absolutePath: string): Promise<SchemaFile> {
  const stats = await stat(absolutePath);
  return { absolutePath, size: stats.size, modified: stats.mtime.toISOString() };
}

function fingerprintOf(result: SchemaResult | undefined): string {
  if (result === undefined || !('fingerprint' in result)) throw new Error(`expected a fingerprint, got ${JSON.stringify(result)}`);
  return result.fingerprint;
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'clusterscope-schemas-'));
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const write = (name: string, select: string): Promise<void> =>
    connection.run(`COPY (${select}) TO '${abs(name).replaceAll("'", "''")}' (FORMAT PARQUET)`).then(() => undefined);
  try {
    await write(FILES.sameSmall, 'SELECT 1::INTEGER AS a');
    await write(FILES.sameLarge, 'SELECT range::INTEGER AS a FROM range(1000)');
    await write(FILES.wider, "SELECT 1::INTEGER AS a, 'x' AS b");
    await write(FILES.reordered, "SELECT 'x' AS b, 1::INTEGER AS a");
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  await writeFile(abs(FILES.corrupt), randomBytes(512));
  await writeFile(abs(FILES.corruptFramed), Buffer.concat([Buffer.from('PAR1'), randomBytes(512), Buffer.from('PAR1')]));
  await writeFile(abs(FILES.text), 'hello, this is not a Parquet file\n');
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('readSchemas', () => {
  it('fingerprints schemas and reports unreadable files without failing the rest of the batch', async () => {
    // Bad files first, last and in between, all in one batch.
    const order = [FILES.corrupt, FILES.sameSmall, FILES.text, FILES.wider, FILES.corruptFramed, FILES.sameLarge, FILES.reordered];
    const files = await Promise.all(order.map((name) => describeFile(abs(name))));
    expect(files[1]?.size).not.toBe(files[5]?.size);

    const results = await readSchemas(files);
    expect([...results.keys()].sort()).toEqual(order.map(abs).sort());

    const same = fingerprintOf(results.get(abs(FILES.sameSmall)));
    const wider = fingerprintOf(results.get(abs(FILES.wider)));
    const reordered = fingerprintOf(results.get(abs(FILES.reordered)));
    expect(fingerprintOf(results.get(abs(FILES.sameLarge)))).toBe(same);
    expect(new Set([same, wider, reordered]).size).toBe(3);

    for (const name of [FILES.corrupt, FILES.corruptFramed, FILES.text]) {
      const result = results.get(abs(name));
      expect(result, name).toEqual({ error: expect.any(String) });
      const error = result !== undefined && 'error' in result ? result.error : '';
      expect(error.length, name).toBeGreaterThan(0);
      // DuckDB's reason, with the file's own path replaced by "the file".
      expect(error, name).not.toContain(tmp);
    }
  });

  it('serves files it has read from the cache while their size and modification time stay the same', async () => {
    const dir = abs('cached');
    await mkdir(dir);
    const names = [FILES.sameSmall, FILES.wider, FILES.text];
    for (const name of names) await copyFile(abs(name), path.join(dir, name));
    const files = await Promise.all(names.map((name) => describeFile(path.join(dir, name))));

    const first = await readSchemas(files);
    expect(first.get(path.join(dir, FILES.sameSmall))).toEqual({ fingerprint: expect.any(String) });
    expect(first.get(path.join(dir, FILES.wider))).toEqual({ fingerprint: expect.any(String) });
    expect(first.get(path.join(dir, FILES.text))).toEqual({ error: expect.any(String) });

    for (const name of names) await unlink(path.join(dir, name));
    const again = await readSchemas(files);
    expect(again).toEqual(first);

    // A new modification time or size is another version of the file: read again, and now it is gone.
    const touched = files.map((file) => ({ ...file, modified: new Date(Date.parse(file.modified) + 1000).toISOString() }));
    const resized = files.map((file) => ({ ...file, size: file.size + 1 }));
    for (const changed of [touched, resized]) {
      const reread = await readSchemas(changed);
      for (const file of changed) expect(reread.get(file.absolutePath), file.absolutePath).toEqual({ error: expect.any(String) });
    }
  });
});
