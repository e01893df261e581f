/**
 * Bucket set-up against a real S3 endpoint (radosgw locally): create a bucket,
 * give it the CORS rule, upload a local folder under a prefix. Used by the
 * start script, the tests and the benchmark; never by the app.
 */
import {
  CreateBucketCommand,
  DeleteBucketCorsCommand,
  DeleteObjectsCommand,
  ListObjectsV2Command,
  PutBucketCorsCommand,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { createLimiter } from '../../catalog/limit';
import { corsRule } from '../cors';

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : '';
}

/** Creates the bucket unless it exists; `cors` adds the browser rule for any origin. */
export async function ensureBucket(client: S3Client, bucket: string, options: { cors?: boolean } = {}): Promise<void> {
  try {
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
  } catch (error) {
    if (errorName(error) !== 'BucketAlreadyOwnedByYou' && errorName(error) !== 'BucketAlreadyExists') throw error;
  }
  if (options.cors === false) await client.send(new DeleteBucketCorsCommand({ Bucket: bucket }));
  else if (options.cors) await client.send(new PutBucketCorsCommand({ Bucket: bucket, CORSConfiguration: { CORSRules: [corsRule('*')] } }));
}

async function filesUnder(folder: string, base = folder): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) return filesUnder(full, base);
      return Promise.resolve(entry.isFile() ? [path.relative(base, full).split(path.sep).join('/')] : []);
    }),
  );
  return nested.flat();
}

/** Uploads every file under `folder` (optionally only those `filter` keeps) to `prefix` + its relative path. */
export async function uploadFolder(
  client: S3Client,
  bucket: string,
  prefix: string,
  folder: string,
  filter: (relative: string) => boolean = () => true,
): Promise<number> {
  const files = (await filesUnder(folder)).filter(filter);
  const limit = createLimiter(16);
  await Promise.all(
    files.map((relative) =>
      limit(async () => {
        const body = await readFile(path.join(folder, ...relative.split('/')));
        await client.send(new PutObjectCommand({ Bucket: bucket, Key: prefix + relative, Body: body }));
      }),
    ),
  );
  return files.length;
}

/** Deletes every object under `prefix`. */
export async function emptyPrefix(client: S3Client, bucket: string, prefix: string): Promise<void> {
  let token: string | undefined;
  do {
    const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }));
    const keys = (page.Contents ?? []).flatMap((item) => (item.Key === undefined ? [] : [{ Key: item.Key }]));
    if (keys.length > 0) await client.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: keys, Quiet: true } }));
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token !== undefined);
}
