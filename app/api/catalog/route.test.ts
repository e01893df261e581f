import { DuckDBInstance } from '@duckdb/node-api';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { CatalogManifest } from '@/lib/catalog/types';
import { withSignedInUser } from '@/lib/auth/testing';
import { withTemporaryStore } from '@/lib/store/testing';
import { withLocalSource } from '@/lib/catalog/testing';

withTemporaryStore('clusterscope-auth-viewer-');
const source = withLocalSource('clusterscope-catalog-route-');
const signedIn = withSignedInUser('viewer');

const failing = vi.hoisted(() => ({ on: false }));

vi.mock('@/lib/catalog/manifest-cache', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/catalog/manifest-cache')>();
  return {
    ...actual,
    getManifest: (options?: { refresh?: boolean }) => (failing.on ? Promise.reject(new Error('disk on fire')) : actual.getManifest(options)),
  };
});

const { GET } = await import('./route');
const { invalidateManifest } = await import('@/lib/catalog/manifest-cache');

let tmp: string;
/** A real Parquet file, copied wherever the test needs a readable part file. */
let parquet: Buffer;

async function put(rel: string): Promise<void> {
  await mkdir(path.dirname(path.join(tmp, rel)), { recursive: true });
  await writeFile(path.join(tmp, rel), parquet);
}

beforeAll(async () => {
  tmp = source();
  const fixture = path.join(tmp, 'fixture.parquet');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(`COPY (SELECT 1 AS a) TO '${fixture.replaceAll("'", "''")}' (FORMAT PARQUET)`);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  parquet = await readFile(fixture);
  await rm(fixture);
  await put('stl_query/clusterid=a/startdate=2026-01-01/p0.parquet');
  invalidateManifest();
});

describe('GET /api/catalog', () => {
  it('returns the manifest and rebuilds it on ?refresh=1', async () => {
    const first = await GET(signedIn('http://localhost/api/catalog'));
    expect(first.status).toBe(200);
    const manifest = (await first.json()) as CatalogManifest;
    // A viewer never sees the absolute folder on the server (lib/catalog/manifest-for-role.ts).
    expect(manifest.source).toBe(`…/${path.basename(tmp)}`);
    expect(manifest.tables.map((t) => t.files.length)).toEqual([1]);

    await put('stl_query/clusterid=a/startdate=2026-01-02/p1.parquet');
    const cached = (await (await GET(signedIn('http://localhost/api/catalog'))).json()) as CatalogManifest;
    expect(cached.tables[0]?.files).toHaveLength(1);
    const refreshed = (await (await GET(signedIn('http://localhost/api/catalog?refresh=1'))).json()) as CatalogManifest;
    expect(refreshed.tables[0]?.files).toHaveLength(2);
  });

  it('answers 500 with a JSON error when the catalog cannot be built', async () => {
    failing.on = true;
    try {
      const response = await GET(signedIn('http://localhost/api/catalog'));
      expect(response.status).toBe(500);
      const body = (await response.json()) as { error: string; errorId: string };
      expect(body.error).toBe(`The catalog could not be built. (error id ${body.errorId}; details are in the server log)`);
      expect(body.error).not.toContain('disk on fire');
    } finally {
      failing.on = false;
    }
  });
});
