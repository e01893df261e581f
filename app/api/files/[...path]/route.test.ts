import { DuckDBInstance } from '@duckdb/node-api';
import { mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getManifest, invalidateManifest } from '@/lib/catalog/manifest-cache';
import { GET, HEAD } from './route';
import { withSignedInUser } from '@/lib/auth/testing';
import { withTemporaryStore } from '@/lib/store/testing';
import { withLocalSource } from '@/lib/catalog/testing';

withTemporaryStore('clusterscope-auth-viewer-');
const source = withLocalSource('clusterscope-files-');
const signedIn = withSignedInUser('viewer');

const PARQUET = 'stl_query/clusterid=a/startdate=2026-01-01/part-00000-x.c000.snappy.parquet';
const ODD = 'stl_query/clusterid=b%3Ac/startdate=2026-01-02/part 100%.parquet';
const GONE = 'stl_query/clusterid=a/startdate=2026-01-03/gone.parquet';

let tmp: string;
let bytes: Buffer;
/** A second, smaller real Parquet file for the odd name and the file that vanishes. */
let other: Buffer;

function call(method: 'GET' | 'HEAD', segments: string[], headers: Record<string, string> = {}): Promise<Response> {
  const url = `http://localhost/api/files/${segments.map(encodeURIComponent).join('/')}`;
  const handler = method === 'GET' ? GET : HEAD;
  return handler(signedIn(url, { method, headers }), { params: Promise.resolve({ path: segments }) });
}

const segmentsOf = (p: string): string[] => p.split('/');

beforeAll(async () => {
  tmp = source();
  for (const rel of [PARQUET, ODD, GONE]) await mkdir(path.dirname(path.join(tmp, rel)), { recursive: true });
  const instance = await DuckDBInstance.create();
  const connection = await instance.connect();
  try {
    await connection.run(`COPY (SELECT range AS a FROM range(1000)) TO '${path.join(tmp, PARQUET)}' (FORMAT PARQUET)`);
    await connection.run(`COPY (SELECT 'odd name content' AS note) TO '${path.join(tmp, GONE)}' (FORMAT PARQUET)`);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  bytes = await readFile(path.join(tmp, PARQUET));
  other = await readFile(path.join(tmp, GONE));
  await writeFile(path.join(tmp, ODD), other);
});

beforeEach(() => {
  invalidateManifest();
});

describe('GET /api/files/[...path]', () => {
  it('serves a listed file in full with cache validators', async () => {
    const response = await call('GET', segmentsOf(PARQUET));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.apache.parquet');
    expect(response.headers.get('accept-ranges')).toBe('bytes');
    expect(response.headers.get('content-length')).toBe(String(bytes.length));
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('etag')).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/);
    expect(response.headers.get('last-modified')).toMatch(/GMT$/);
    const body = Buffer.from(await response.arrayBuffer());
    expect(body.equals(bytes)).toBe(true);
    expect(body.subarray(0, 4).toString()).toBe('PAR1');
  });

  it('serves a byte range with 206 and Content-Range', async () => {
    const response = await call('GET', segmentsOf(PARQUET), { range: 'bytes=-8' });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe(`bytes ${bytes.length - 8}-${bytes.length - 1}/${bytes.length}`);
    expect(response.headers.get('content-length')).toBe('8');
    const body = Buffer.from(await response.arrayBuffer());
    expect(body.equals(bytes.subarray(bytes.length - 8))).toBe(true);
    expect(body.subarray(4).toString()).toBe('PAR1');

    const middle = await call('GET', segmentsOf(PARQUET), { range: 'bytes=4-13' });
    expect(middle.status).toBe(206);
    expect(Buffer.from(await middle.arrayBuffer()).equals(bytes.subarray(4, 14))).toBe(true);
  });

  it('answers 416 for a range past the end', async () => {
    const response = await call('GET', segmentsOf(PARQUET), { range: `bytes=${bytes.length}-` });
    expect(response.status).toBe(416);
    expect(response.headers.get('content-range')).toBe(`bytes */${bytes.length}`);
  });

  it('answers 304 when If-None-Match holds the ETag', async () => {
    const first = await call('HEAD', segmentsOf(PARQUET));
    const etag = first.headers.get('etag') ?? '';
    const response = await call('GET', segmentsOf(PARQUET), { 'if-none-match': etag, range: 'bytes=0-3' });
    expect(response.status).toBe(304);
    expect(response.headers.get('etag')).toBe(etag);
    expect(await response.text()).toBe('');
  });

  it('ignores Range when If-Range no longer matches', async () => {
    const response = await call('GET', segmentsOf(PARQUET), { range: 'bytes=0-3', 'if-range': '"stale"' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe(String(bytes.length));
    await response.arrayBuffer();
  });

  it('answers HEAD with the headers and no body', async () => {
    const response = await call('HEAD', segmentsOf(PARQUET));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe(String(bytes.length));
    expect(response.body).toBeNull();
  });

  it('answers HEAD with Range: bytes=0- as DuckDB-WASM expects (206 and the full length)', async () => {
    const response = await call('HEAD', segmentsOf(PARQUET), { range: 'bytes=0-' });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-length')).toBe(String(bytes.length));
    expect(response.headers.get('content-range')).toBe(`bytes 0-${bytes.length - 1}/${bytes.length}`);
    expect(response.body).toBeNull();
  });

  it('serves names with =, %, spaces and escaped values', async () => {
    const response = await call('GET', segmentsOf(ODD));
    expect(response.status).toBe(200);
    expect(other.equals(bytes)).toBe(false);
    expect(Buffer.from(await response.arrayBuffer()).equals(other)).toBe(true);
  });

  it('answers 404 for files not in the catalog', async () => {
    const response = await call('GET', ['stl_query', 'clusterid=a', 'other.parquet']);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'not in the catalog: stl_query/clusterid=a/other.parquet' });
    const folder = await call('GET', ['stl_query']);
    expect(folder.status).toBe(404);
  });

  it.each([[['..', '..', 'etc', 'passwd']], [['%2e%2e', 'x']], [['stl_query', '..', '..', 'x']], [['a\\b']], [['', 'etc', 'passwd']]])(
    'answers 400 for traversal %j',
    async (segments) => {
      const response = await call('GET', segments);
      expect(response.status).toBe(400);
      expect((await response.json()) as { error: string }).toHaveProperty('error');
    },
  );

  it('answers 404 and drops the cached catalog when a listed file vanished', async () => {
    expect((await getManifest()).tables[0]?.files.some((f) => f.path === GONE)).toBe(true);
    await unlink(path.join(tmp, GONE));
    const response = await call('GET', segmentsOf(GONE));
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: string }).error).toContain('no longer on disk');
    expect((await getManifest()).tables[0]?.files.some((f) => f.path === GONE)).toBe(false);
  });
});
