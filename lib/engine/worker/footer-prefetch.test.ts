import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RangeBatchPart, RangeBatchResult } from '../../catalog/range-batch';
import { FILE_PAGE_BYTES, footerStart, prefetchFooters, type FooterFile } from './footer-prefetch';
import { RangeCache } from './range-cache';

let tmp: string;
const files = new Map<string, Buffer>();

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'clusterscope-footers-'));
  const instance = await DuckDBInstance.create();
  const connection = await instance.connect();
  try {
    const wide = Array.from({ length: 400 }, (_, i) => `range + ${i} AS c${i}`).join(', ');
    await connection.run(`COPY (SELECT ${wide} FROM range(2000)) TO '${path.join(tmp, 'wide.parquet')}' (FORMAT PARQUET)`);
    await connection.run(`COPY (SELECT range AS n FROM range(10)) TO '${path.join(tmp, 'small.parquet')}' (FORMAT PARQUET)`);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  for (const name of ['wide.parquet', 'small.parquet']) files.set(name, await readFile(path.join(tmp, name)));
  files.set('not-parquet.bin', Buffer.alloc(40_000, 7));
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

function file(name: string): FooterFile {
  return { url: `http://app/api/files/${name}`, path: name, size: files.get(name)?.length ?? 100 };
}

/** The batch route's behaviour over the files above: 206 with the bytes, or 404. */
function harness(): { cache: RangeCache; asked: RangeBatchPart[][]; reported: number[]; fetchBatch: (parts: RangeBatchPart[]) => Promise<RangeBatchResult[]> } {
  const asked: RangeBatchPart[][] = [];
  return {
    cache: new RangeCache(64 * 1024 * 1024),
    asked,
    reported: [],
    fetchBatch: (parts) => {
      asked.push(parts);
      return Promise.resolve(
        parts.map((part) => {
          const body = files.get(part.path);
          return body ? { status: 206, bytes: new Uint8Array(body.subarray(part.start, part.end + 1)) } : { status: 404, bytes: new Uint8Array(0) };
        }),
      );
    },
  };
}

describe('prefetchFooters', () => {
  it('caches every footer in two batches, from the footer page to the end of the file', async () => {
    const h = harness();
    const wide = file('wide.parquet');
    const small = file('small.parquet');
    await prefetchFooters([wide, small], { cache: h.cache, fetchBatch: h.fetchBatch, report: (_files, bytes) => h.reported.push(bytes) });
    expect(h.asked).toHaveLength(2);
    for (const [name, f] of [
      ['wide.parquet', wide],
      ['small.parquet', small],
    ] as const) {
      const body = files.get(name)!;
      const start = footerStart(new Uint8Array(body.subarray(body.length - 8)), body.length)!;
      const cached = h.cache.get(f.url, start, f.size - 1);
      expect(cached, name).not.toBeNull();
      expect(Buffer.from(cached!).equals(body.subarray(start))).toBe(true);
    }
    // The wide file's footer is longer than one page, so the second batch fetched only its pages before the last.
    expect(files.get('wide.parquet')!.length - footerStart(new Uint8Array(files.get('wide.parquet')!.subarray(-8)), wide.size)!).toBeGreaterThan(
      FILE_PAGE_BYTES,
    );
    expect(h.asked[1]!.map((part) => part.path)).toEqual(['wide.parquet']);
    expect(h.asked.flat().every((part) => part.start % FILE_PAGE_BYTES === 0)).toBe(true);
    expect(h.reported.reduce((a, b) => a + b, 0)).toBe(h.cache.size);
  });

  it('asks for nothing when the footers are cached already', async () => {
    const h = harness();
    const deps = { cache: h.cache, fetchBatch: h.fetchBatch, report: () => undefined };
    await prefetchFooters([file('small.parquet')], deps);
    await prefetchFooters([file('small.parquet')], deps);
    expect(h.asked).toHaveLength(1);
  });

  it('leaves missing files uncached and keeps a tail that is not Parquet as it came', async () => {
    const h = harness();
    const missing = file('missing.parquet');
    const junk = file('not-parquet.bin');
    await prefetchFooters([missing, junk], { cache: h.cache, fetchBatch: h.fetchBatch, report: () => undefined });
    expect(h.asked).toHaveLength(1);
    expect(h.cache.get(missing.url, missing.size - 8, missing.size - 1)).toBeNull();
    expect(h.cache.get(junk.url, junk.size - 8, junk.size - 1)).not.toBeNull();
  });

  it('reads the footer start only from a Parquet tail', () => {
    expect(footerStart(new Uint8Array([1, 0, 0, 0, 80, 65, 82, 49]), 100)).toBe(91);
    expect(footerStart(new Uint8Array([1, 0, 0, 0, 80, 65, 82, 50]), 100)).toBeNull();
    expect(footerStart(new Uint8Array([255, 255, 0, 0, 80, 65, 82, 49]), 100)).toBeNull();
    expect(footerStart(new Uint8Array([1, 2]), 100)).toBeNull();
  });
});
