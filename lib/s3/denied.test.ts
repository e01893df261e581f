/**
 * A real 403 on one object (radosgw): a bucket owned by a second account lets
 * the console's account list it and read every object but one. The catalog
 * names that key, the proxy answers 403 naming it, and the rest works.
 */
import { CreateBucketCommand, PutBucketPolicyCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePartFile, sampleDay } from '../sample/testing';
import { createS3Catalog } from './catalog';
import { serveS3File } from './serve-object';
import { emptyPrefix } from './testing/bucket';
import { testS3Client } from './testing/env';

const BUCKET = 'denied-test';
const owner = testS3Client({ AWS_ACCESS_KEY_ID: 'clusterscope-other', AWS_SECRET_ACCESS_KEY: 'clusterscope-local-secret-other' });
const client = testS3Client();
const BODY = readFileSync(samplePartFile('stl_query', 'staging-usw2', sampleDay(0)));
const DENIED = 't/clusterid=a/startdate=2026-01-02/part-0.parquet';

beforeAll(async () => {
  await owner.send(new CreateBucketCommand({ Bucket: BUCKET })).catch(() => undefined);
  await emptyPrefix(owner, BUCKET, '');
  for (const key of ['t/clusterid=a/startdate=2026-01-01/part-0.parquet', DENIED]) {
    await owner.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: BODY }));
  }
  const user = 'arn:aws:iam:::user/test';
  await owner.send(
    new PutBucketPolicyCommand({
      Bucket: BUCKET,
      Policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Principal: { AWS: [user] }, Action: ['s3:ListBucket', 's3:GetBucketCORS'], Resource: [`arn:aws:s3:::${BUCKET}`] },
          { Effect: 'Allow', Principal: { AWS: [user] }, Action: ['s3:GetObject'], Resource: [`arn:aws:s3:::${BUCKET}/*`] },
          { Effect: 'Deny', Principal: { AWS: [user] }, Action: ['s3:GetObject'], Resource: [`arn:aws:s3:::${BUCKET}/${DENIED}`] },
        ],
      }),
    }),
  );
});

afterAll(() => emptyPrefix(owner, BUCKET, ''));

describe('403 on one object', () => {
  it('names the key in the catalog warnings and in the proxy error, and keeps the rest', async () => {
    const catalog = createS3Catalog({ client, location: { bucket: BUCKET, prefix: '' }, awaitFooters: true, access: 'proxy' });
    const manifest = await catalog.get();
    expect(manifest.tables[0]?.files.map((file) => file.path)).toEqual(['t/clusterid=a/startdate=2026-01-01/part-0.parquet']);
    expect(manifest.warnings).toEqual([{ path: DENIED, message: expect.stringContaining('AccessDenied (403)') }]);

    // The object is listed but refused: straight through the proxy (a catalog listed before the policy changed).
    const response = await serveS3File(new Request(`http://app/api/files/${DENIED}`, { headers: { Range: 'bytes=0-3' } }), DENIED.split('/'), {
      client,
      bucket: BUCKET,
      manifest: async () => ({
        ...manifest,
        tables: [{ ...manifest.tables[0]!, files: [...manifest.tables[0]!.files, { path: DENIED, size: BODY.length, modified: '', partition: {} }] }],
      }),
      keyOf: catalog.keyOf,
      objectGone: () => undefined,
      expiresInSeconds: 60,
      stillSignedIn: async () => true,
    });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: string }).error).toContain(`s3://${BUCKET}/${DENIED}`);
  });
});
