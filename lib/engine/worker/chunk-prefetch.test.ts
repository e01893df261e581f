import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parquetMetadata, type FileMetaData } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RangeBatchPart } from '../../catalog/range-batch';
import { chunkRanges, planChunks, prefetchChunks } from './chunk-prefetch';
import { FILE_PAGE_BYTES, prefetchFooters } from './footer-prefetch';
import { RangeCache } from './range-cache';
import { ReadAhead } from './read-ahead';

let tmp: string;
let body: Buffer;
let metadata: FileMetaData;
const FILE = { url: 'http://app/api/files/t.parquet', path: 't.parquet', size: 0 };

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'clusterscope-chunks-'));
  const instance = await DuckDBInstance.create();
  const connection = await instance.connect();
  try {
    // Three row groups; random text keeps the chunks large enough to span several pages.
    await connection.run(
      `COPY (SELECT range AS id, md5(range::VARCHAR) || md5((range * 7)::VARCHAR) AS big, range % 3 AS small FROM range(30000)) TO '${path.join(tmp, 't.parquet')}' (FORMAT PARQUET, ROW_GROUP_SIZE 10000)`,
    );
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  body = await readFile(path.join(tmp, 't.parquet'));
  FILE.size = body.length;
  metadata = parquetMetadata(new Uint8Array(body));
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

function chunksOf(column: string): { start: number; end: number }[] {
  return metadata.row_groups.flatMap((group) =>
    group.columns
      .filter((chunk) => chunk.meta_data?.path_in_schema[0] === column)
      .map((chunk) => {
        const meta = chunk.meta_data!;
        const start = Number(meta.dictionary_page_offset ?? meta.data_page_offset);
        return { start, end: start + Number(meta.total_compressed_size) - 1 };
      }),
  );
}

describe('column chunk prefetch', () => {
  it('plans page-aligned ranges that cover every chunk of the wanted columns, in every row group', () => {
    expect(metadata.row_groups).toHaveLength(3);
    const ranges = chunkRanges(metadata, ['SMALL'], FILE.size);
    for (const chunk of chunksOf('small')) expect(ranges.some((range) => range.start <= chunk.start && range.end >= chunk.end)).toBe(true);
    expect(ranges.every((range) => range.start % FILE_PAGE_BYTES === 0)).toBe(true);
    const all = chunkRanges(metadata, null, FILE.size);
    const wanted = (list: { start: number; end: number }[]): number => list.reduce((sum, range) => sum + range.end - range.start + 1, 0);
    expect(wanted(ranges)).toBeLessThan(wanted(all));
  });

  it('puts the chunks in the cache with the file bytes, after the footers, and reports what it fetched', async () => {
    const cache = new RangeCache(64 * 1024 * 1024);
    const asked: RangeBatchPart[][] = [];
    let reported = 0;
    const deps = {
      cache,
      metadata: new Map<string, FileMetaData>(),
      report: (_files: string[], bytes: number) => {
        reported += bytes;
      },
      fetchBatch: (parts: RangeBatchPart[]) => {
        asked.push(parts);
        return Promise.resolve(parts.map((part) => ({ status: 206, bytes: new Uint8Array(body.subarray(part.start, part.end + 1)) })));
      },
    };
    const file = { ...FILE, columns: ['id'] };
    await prefetchFooters([file], deps);
    await prefetchChunks([file], deps, new ReadAhead(1 << 30));
    for (const chunk of chunksOf('id')) {
      const cached = cache.get(FILE.url, chunk.start, chunk.end);
      expect(cached).not.toBeNull();
      expect(Buffer.from(cached!).equals(body.subarray(chunk.start, chunk.end + 1))).toBe(true);
    }
    expect(reported).toBe(cache.size);
    const before = asked.length;
    await prefetchChunks([file], deps, new ReadAhead(1 << 30));
    expect(asked.length).toBe(before);
  });

  it('fetches only the first window up front and leaves the rest to the read-ahead', async () => {
    const cache = new RangeCache(64 * 1024 * 1024);
    const deps = {
      cache,
      metadata: new Map<string, FileMetaData>(),
      report: () => undefined,
      fetchBatch: (parts: RangeBatchPart[]) =>
        Promise.resolve(parts.map((part) => ({ status: 206, bytes: new Uint8Array(body.subarray(part.start, part.end + 1)) }))),
    };
    // The big column's chunks lie between the id chunks, so each id chunk is a part of its own.
    const file = { ...FILE, columns: ['id'] };
    await prefetchFooters([file], deps);
    const plan = planChunks([file], deps);
    expect(plan.length).toBeGreaterThan(1);
    const ahead = new ReadAhead(1);
    await prefetchChunks([file], deps, ahead);
    expect(ahead.size).toBe(plan.length - 1);
    const [first, second] = chunksOf('id');
    expect(cache.get(FILE.url, first!.start, first!.end)).not.toBeNull();
    expect(cache.get(FILE.url, second!.start, second!.end)).toBeNull();
    expect(ahead.takeFor(FILE.url, second!.start)).toHaveLength(1);
  });

  it('skips a file whose footer is not cached or not Parquet', async () => {
    const cache = new RangeCache(1024 * 1024);
    cache.put(FILE.url, FILE.size - 8, new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]).buffer);
    let calls = 0;
    await prefetchChunks(
      [{ ...FILE, columns: null }],
      {
        cache,
        metadata: new Map(),
        report: () => undefined,
        fetchBatch: () => {
          calls++;
          return Promise.resolve([]);
        },
      },
      new ReadAhead(1 << 30),
    );
    expect(calls).toBe(0);
  });
});
