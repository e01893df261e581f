/**
 * The S3 catalog against a real radosgw (started by the vitest global setup or
 * scripts/s3/for-tests.sh): listing, Hive parsing, footers, incremental refresh
 * and the faults a bucket can have.
 */
import { DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocalManifest } from '../catalog/local';
import { SAMPLE_ROOT as SAMPLE, sampleDay, sampleMarker, samplePartFile } from '../sample/testing';
import { createS3Catalog } from './catalog';
import { ensureBucket, emptyPrefix, uploadFolder } from './testing/bucket';
import { testS3Client } from './testing/env';

const BUCKET = 'catalog-test';
const TABLE = 'extract_redshift_query_logs/data/stl_query';
const client = testS3Client();
// A new file lands in the newest partition the sample has, and new partitions
// on a day after any sample window.
const LAST_DAY = sampleMarker().options.endDate;
const NEXT_DAY = '2099-01-01';

function samplePart(): Promise<Buffer> {
  return readFile(samplePartFile('stl_query', 'staging-usw2', sampleDay(0)));
}

function put(key: string, body: Uint8Array | string): Promise<unknown> {
  return client.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body }));
}

beforeAll(async () => {
  await ensureBucket(client, BUCKET);
  await emptyPrefix(client, BUCKET, '');
  await uploadFolder(
    client,
    BUCKET,
    'fleet/',
    SAMPLE,
    (relative) =>
      relative.startsWith(`${TABLE}/clusterid=staging-usw2/`) || relative.startsWith('extract_redshift_query_logs/data/stl_wlm_query/clusterid=staging-usw2/'),
  );
});

afterAll(async () => {
  await emptyPrefix(client, BUCKET, '');
});

describe('S3 catalog', () => {
  it('lists the same tables, partitions and schema groups as the local walk of the same files', async () => {
    const catalog = createS3Catalog({ client, location: { bucket: BUCKET, prefix: 'fleet/' }, awaitFooters: true });
    const manifest = await catalog.get();
    const local = await buildLocalManifest(SAMPLE);
    expect(manifest.problem).toBeUndefined();
    expect(manifest.source).toBe(`s3://${BUCKET}/fleet/`);
    expect(manifest.pending).toBeUndefined();
    for (const table of manifest.tables) {
      const localTable = local.tables.find((candidate) => candidate.name === table.name);
      const expected = localTable?.files.filter((file) => file.partition.clusterid === 'staging-usw2') ?? [];
      expect(table.partitionKeys).toEqual(localTable?.partitionKeys);
      expect(table.files.map((file) => [file.path, file.size, file.partition])).toEqual(expected.map((file) => [file.path, file.size, file.partition]));
      expect(new Set(table.files.map((file) => file.schemaGroup)).size).toBeGreaterThan(0);
      expect(table.files.every((file) => file.schemaGroup !== undefined)).toBe(true);
    }
    expect(manifest.tables.map((table) => table.name)).toEqual(['stl_query', 'stl_wlm_query']);
  });

  it('reads through the server, and says so, when the bucket has no CORS rule for range reads', async () => {
    await ensureBucket(client, BUCKET, { cors: false });
    const without = await createS3Catalog({ client, location: { bucket: BUCKET, prefix: 'fleet/' }, readFooters: false }).get();
    expect(without.access).toBe('proxy');
    expect(without.warnings[0]).toMatchObject({ path: '', message: expect.stringContaining('has no CORS rule') });
    await ensureBucket(client, BUCKET, { cors: true });
    try {
      const withCors = await createS3Catalog({ client, location: { bucket: BUCKET, prefix: 'fleet/' }, readFooters: false }).get();
      expect(withCors.access).toBe('presigned');
      expect(withCors.warnings.filter((warning) => warning.path === '')).toEqual([]);
    } finally {
      await ensureBucket(client, BUCKET, { cors: false });
    }
  });

  it('picks up new part files and new partitions with an incremental refresh', async () => {
    const catalog = createS3Catalog({ client, location: { bucket: BUCKET, prefix: 'fleet/' }, fullEvery: 1000 });
    const before = await catalog.get();
    const count = before.tables.find((table) => table.name === 'stl_query')?.files.length ?? 0;
    const body = await samplePart();
    const base = `fleet/${TABLE}/clusterid=staging-usw2`;
    await put(`${base}/startdate=${LAST_DAY}/part-00000-aaaa.c000.snappy.parquet`, body);
    await put(`${base}/startdate=${NEXT_DAY}/part-00001-bbbb.c000.snappy.parquet`, body);
    await put(`fleet/${TABLE}/clusterid=new-cluster/startdate=${NEXT_DAY}/part-00002-cccc.c000.snappy.parquet`, body);
    try {
      const after = await catalog.get({ refresh: true });
      expect(after.changes?.kind).toBe('incremental');
      expect(after.changes?.added).toBe(3);
      expect(after.changes?.newPartitions).toEqual([
        `${TABLE}/clusterid=new-cluster/startdate=${NEXT_DAY}`,
        `${TABLE}/clusterid=staging-usw2/startdate=${NEXT_DAY}`,
      ]);
      expect(after.tables.find((table) => table.name === 'stl_query')?.files.length).toBe(count + 3);
      // Cached between refreshes: no listing without `refresh`.
      expect(await catalog.get()).toBe(after);
    } finally {
      await client.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: `${base}/startdate=${LAST_DAY}/part-00000-aaaa.c000.snappy.parquet` }));
      await client.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: `${base}/startdate=${NEXT_DAY}/part-00001-bbbb.c000.snappy.parquet` }));
      await client.send(
        new DeleteObjectCommand({ Bucket: BUCKET, Key: `fleet/${TABLE}/clusterid=new-cluster/startdate=${NEXT_DAY}/part-00002-cccc.c000.snappy.parquet` }),
      );
    }
    const full = await catalog.get({ full: true });
    expect(full.changes).toMatchObject({ kind: 'full', removed: 3 });
  });

  it('explains an empty prefix', async () => {
    const manifest = await createS3Catalog({ client, location: { bucket: BUCKET, prefix: 'nothing-here/' } }).get();
    expect(manifest.tables).toEqual([]);
    expect(manifest.problem).toContain(`No Parquet tables were found under s3://${BUCKET}/nothing-here/`);
  });

  it('warns about keys that are not key=value, 0-byte objects and objects that are not Parquet', async () => {
    const body = await samplePart();
    await put('odd/t/clusterid=a/startdate=2026-01-01/part-0.parquet', body);
    await put('odd/t/clusterid=a/not-a-partition/part-1.parquet', body);
    await put('odd/t/clusterid=a/startdate=2026-01-02/empty.parquet', new Uint8Array());
    await put('odd/t/clusterid=a/startdate=2026-01-03/text.parquet', 'this is not parquet at all');
    await put('odd/t/clusterid=a/startdate=2026-01-04/_SUCCESS', '');
    const manifest = await createS3Catalog({ client, location: { bucket: BUCKET, prefix: 'odd/' }, awaitFooters: true }).get();
    expect(manifest.tables.map((table) => [table.name, table.files.map((file) => file.path)])).toEqual([
      ['t', ['t/clusterid=a/startdate=2026-01-01/part-0.parquet']],
    ]);
    const messages = Object.fromEntries(manifest.warnings.map((warning) => [warning.path, warning.message]));
    expect(messages['t/clusterid=a/not-a-partition/part-1.parquet']).toContain('is not a key=value partition');
    expect(messages['t/clusterid=a/startdate=2026-01-02/empty.parquet']).toContain('empty file (0 bytes)');
    expect(messages['t/clusterid=a/startdate=2026-01-03/text.parquet']).toContain('not a Parquet file');
  });

  it('names the source and the reason when the credentials are wrong', async () => {
    const bad = testS3Client({ AWS_SECRET_ACCESS_KEY: 'wrong-secret' });
    const manifest = await createS3Catalog({ client: bad, location: { bucket: BUCKET, prefix: 'fleet/' }, name: 'prod' }).get();
    expect(manifest.tables).toEqual([]);
    expect(manifest.problem).toContain('S3 source prod');
    expect(manifest.problem).toContain('SignatureDoesNotMatch');
  });

  it('says the source is down when nothing answers, and retries', async () => {
    const down = testS3Client({ AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:9' });
    let clock = 0;
    const catalog = createS3Catalog({ client: down, location: { bucket: BUCKET, prefix: '' }, name: 'dr', now: () => new Date(clock) });
    const first = await catalog.get();
    expect(first.problem).toMatch(/S3 source dr .* is down: unreachable/);
    expect(first.sourceError).toBe(first.problem);
    expect(await catalog.get()).toBe(first);
    clock += 11_000;
    const second = await catalog.get();
    expect(second).not.toBe(first);
    expect(second.problem).toContain('Retrying every 10 s');
  });
});
