import { DuckDBInstance } from '@duckdb/node-api';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { invalidateManifest } from '@/lib/catalog/manifest-cache';
import { decodeRangeBatch, RANGE_BATCH_CONTENT_TYPE } from '@/lib/catalog/range-batch';
import { withSignedInUser } from '@/lib/auth/testing';
import { withTemporaryStore } from '@/lib/store/testing';
import { withLocalSource } from '@/lib/catalog/testing';
import { POST } from './route';

withTemporaryStore('clusterscope-range-batch-');
const source = withLocalSource('clusterscope-batch-');
const signedIn = withSignedInUser('viewer');

const A = 'stl_query/clusterid=a/startdate=2026-01-01/part-00000-a.parquet';
const B = 'stl_query/clusterid=b/startdate=2026-01-01/part-00000-b.parquet';

let tmp: string;
let a: Buffer;
let b: Buffer;

function post(body: unknown, init: { signedIn?: boolean; raw?: string } = {}): Promise<Response> {
  const url = 'http://localhost/api/files';
  const request = { method: 'POST', headers: { 'content-type': 'application/json' }, body: init.raw ?? JSON.stringify(body) };
  return POST(init.signedIn === false ? new Request(url, request) : signedIn(url, request));
}

beforeAll(async () => {
  tmp = source();
  const instance = await DuckDBInstance.create();
  const connection = await instance.connect();
  try {
    for (const [rel, rows] of [
      [A, 1000],
      [B, 10],
    ] as const) {
      await mkdir(path.dirname(path.join(tmp, rel)), { recursive: true });
      await connection.run(`COPY (SELECT range AS n FROM range(${rows})) TO '${path.join(tmp, rel)}' (FORMAT PARQUET)`);
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  a = await readFile(path.join(tmp, A));
  b = await readFile(path.join(tmp, B));
});

beforeEach(() => invalidateManifest());

describe('POST /api/files (range batch)', () => {
  it('answers every part in order, the bytes equal to the files', async () => {
    const parts = [
      { path: A, start: a.length - 8, end: a.length - 1 },
      { path: B, start: 0, end: b.length - 1 },
      { path: A, start: 0, end: 3 },
    ];
    const response = await post({ parts });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(RANGE_BATCH_CONTENT_TYPE);
    const results = decodeRangeBatch(await response.arrayBuffer(), parts.length);
    expect(results.map((result) => result.status)).toEqual([206, 206, 206]);
    expect(Buffer.from(results[0]!.bytes).equals(a.subarray(a.length - 8))).toBe(true);
    expect(Buffer.from(results[1]!.bytes).equals(b)).toBe(true);
    expect(Buffer.from(results[2]!.bytes).toString()).toBe('PAR1');
  });

  it('marks a missing file, a traversal and a range past the end as failed parts and still serves the rest', async () => {
    const parts = [
      { path: 'stl_query/clusterid=a/startdate=2026-01-01/nope.parquet', start: 0, end: 7 },
      { path: '../../etc/passwd', start: 0, end: 7 },
      { path: B, start: b.length + 10, end: b.length + 20 },
      { path: B, start: 0, end: 3 },
    ];
    const response = await post({ parts });
    expect(response.status).toBe(200);
    const results = decodeRangeBatch(await response.arrayBuffer(), parts.length);
    expect(results.map((result) => result.status)).toEqual([404, 400, 416, 206]);
    expect(results.slice(0, 3).every((result) => result.bytes.byteLength === 0)).toBe(true);
    expect(Buffer.from(results[3]!.bytes).toString()).toBe('PAR1');
  });

  it('refuses malformed batches with 400, and too large ones with 413, with a message', async () => {
    for (const body of [{}, { parts: [] }, { parts: [{ path: A, start: 5, end: 1 }] }, { parts: [{ path: A, start: -1, end: 1 }] }, { parts: 'x' }]) {
      const response = await post(body);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: string }).error).toMatch(/range batch/);
    }
    const huge = await post({ parts: [{ path: A, start: 0, end: 64 * 1024 * 1024 }] });
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as { error: string }).error).toMatch(/at most 16 MiB/);
    const many = await post({ parts: Array.from({ length: 2_001 }, () => ({ path: A, start: 0, end: 0 })) });
    expect(many.status).toBe(413);
    expect(((await many.json()) as { error: string }).error).toBe('a range batch may have at most 2000 parts; this one has 2001');
    const notJson = await post(undefined, { raw: '{"parts":' });
    expect(notJson.status).toBe(400);
  });

  it('needs a session', async () => {
    const response = await post({ parts: [{ path: A, start: 0, end: 3 }] }, { signedIn: false });
    expect(response.status).toBe(401);
  });
});
