/**
 * Several named S3 sources: parsing, and two real catalogs (radosgw) merged into
 * one manifest whose tables can be unioned in one query on the browser's engine.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LazyViews } from '../engine/lazy-views';
import { nodeViewTarget, startNodeEngine } from '../engine/testing/node-engine';
import { createS3Catalog } from './catalog';
import { mergedManifest, parseSources, splitSourcePath } from './sources';
import { emptyPrefix, ensureBucket, uploadFolder } from './testing/bucket';
import { testS3Client } from './testing/env';

const SAMPLE = path.resolve(__dirname, '..', '..', 'data', 'sample');
const BUCKET = 'sources-test';
const client = testS3Client();
const TABLE = 'extract_redshift_query_logs/data/stl_query';

beforeAll(async () => {
  await ensureBucket(client, BUCKET);
  await emptyPrefix(client, BUCKET, '');
  await uploadFolder(client, BUCKET, 'east/', SAMPLE, (relative) => relative.startsWith(`${TABLE}/clusterid=staging-usw2/`));
  await uploadFolder(client, BUCKET, 'west/', SAMPLE, (relative) => relative.startsWith(`${TABLE}/clusterid=dev-sandbox-use1/`));
});

afterAll(() => emptyPrefix(client, BUCKET, ''));

describe('parseSources', () => {
  it('reads name=s3://bucket/prefix lists', () => {
    expect(parseSources('prod=s3://a-bucket/x, dr=s3://b-bucket')).toEqual({
      ok: true,
      sources: [
        { name: 'prod', source: 's3://a-bucket/x', location: { bucket: 'a-bucket', prefix: 'x/' } },
        { name: 'dr', source: 's3://b-bucket', location: { bucket: 'b-bucket', prefix: '' } },
      ],
    });
  });

  it('explains bad lists', () => {
    expect(parseSources('s3://a-bucket/x')).toMatchObject({ ok: false, problem: expect.stringContaining('needs a name') });
    expect(parseSources('Prod=s3://a-bucket/x')).toMatchObject({ ok: false });
    expect(parseSources('a=s3://a-bucket,a=s3://b-bucket')).toMatchObject({ ok: false, problem: expect.stringContaining('appears twice') });
    expect(parseSources('a=s3://x')).toMatchObject({ ok: false, problem: expect.stringContaining('source "a"') });
    expect(parseSources(' , ')).toMatchObject({ ok: false, problem: expect.stringContaining('names no source') });
  });

  it('finds the source of a merged path', () => {
    expect(splitSourcePath(['east', 't', 'f.parquet'])).toEqual({ name: 'east', rest: ['t', 'f.parquet'] });
    expect(splitSourcePath(['east'])).toBeNull();
    expect(splitSourcePath(['..', 'x'])).toBeNull();
  });
});

describe('merged sources', () => {
  it('gives each source its own catalog and tables, which one query can union', async () => {
    const catalogs = ['east', 'west'].map((name) => ({
      name,
      catalog: createS3Catalog({ client, location: { bucket: BUCKET, prefix: `${name}/` }, name, awaitFooters: true }),
    }));
    const manifest = await mergedManifest(catalogs);
    expect(manifest.tables.map((table) => table.name)).toEqual(['east_stl_query', 'west_stl_query']);
    expect(manifest.tables[0]?.files[0]?.path).toMatch(/^east\/extract_redshift_query_logs\/data\/stl_query\/clusterid=staging-usw2\//);
    expect(manifest.sourceError).toBeUndefined();

    const engine = await startNodeEngine();
    try {
      const views = new LazyViews(nodeViewTarget(engine), manifest, (_table, file) => path.join(SAMPLE, file.path.slice(file.path.indexOf('/') + 1)));
      await views.start();
      const sql =
        'SELECT clusterid, count(*) AS n FROM (SELECT clusterid FROM east_stl_query UNION ALL SELECT clusterid FROM west_stl_query) GROUP BY clusterid ORDER BY clusterid';
      await views.prepare(sql);
      const got = engine.conn
        .query(sql)
        .toArray()
        .map((row) => [String(row.clusterid), Number(row.n)]);
      const native = await (await DuckDBInstance.create(':memory:')).connect();
      const glob = path.join(SAMPLE, TABLE, '*', '*', '*.parquet');
      const expected = (
        await native.runAndReadAll(
          `SELECT clusterid, count(*)::INTEGER FROM read_parquet('${glob}', hive_partitioning=true) WHERE clusterid IN ('dev-sandbox-use1', 'staging-usw2') GROUP BY clusterid ORDER BY clusterid`,
        )
      )
        .getRows()
        .map(([cluster, n]) => [String(cluster), Number(n)]);
      native.closeSync();
      expect(got).toEqual(expected);
    } finally {
      engine.close();
    }
  });

  it('names the source that is down and keeps the other', async () => {
    const down = testS3Client({ AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:9' });
    const manifest = await mergedManifest([
      { name: 'east', catalog: createS3Catalog({ client, location: { bucket: BUCKET, prefix: 'east/' }, name: 'east' }) },
      { name: 'dr', catalog: createS3Catalog({ client: down, location: { bucket: BUCKET, prefix: '' }, name: 'dr' }) },
    ]);
    expect(manifest.tables.map((table) => table.name)).toEqual(['east_stl_query']);
    expect(manifest.sourceError).toMatch(/S3 source dr .* is down/);
    expect(manifest.problem).toBeUndefined();
  });
});
