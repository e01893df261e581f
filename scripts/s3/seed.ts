/**
 * Seeds the local radosgw: bucket `clusterscope-sample` with the browser CORS rule,
 * and the bundled sample (data/sample) uploaded in the real export layout.
 * Skips the upload when the bucket already holds the sample's object count.
 * Reads the endpoint and keys from the AWS_* variables (`scripts/s3/radosgw.sh env`).
 */
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import path from 'node:path';
import { getS3Client } from '../../lib/s3/client';
import { ensureBucket, uploadFolder } from '../../lib/s3/testing/bucket';

/** The bucket the local S3 scripts and tests use. */
export const SAMPLE_BUCKET = 'clusterscope-sample';

async function objectCount(bucket: string): Promise<number> {
  const client = getS3Client();
  let count = 0;
  let token: string | undefined;
  do {
    const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }));
    count += page.KeyCount ?? 0;
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token !== undefined);
  return count;
}

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..', '..');
  const sample = path.join(root, 'data', 'sample');
  const client = getS3Client();
  await ensureBucket(client, SAMPLE_BUCKET, { cors: true });
  if ((await objectCount(SAMPLE_BUCKET)) > 0) {
    console.error(`[seed] s3://${SAMPLE_BUCKET}/ already holds the sample`);
    return;
  }
  const started = Date.now();
  const uploaded = await uploadFolder(client, SAMPLE_BUCKET, '', sample, (relative) => relative.startsWith('extract_redshift_query_logs/'));
  console.error(`[seed] uploaded ${uploaded} files to s3://${SAMPLE_BUCKET}/ in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((error: unknown) => {
  console.error(`[seed] failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
