/**
 * Parquet schemas of S3 objects without downloading them: one ranged GET of the
 * object's tail (two when the footer is larger than the first guess), written
 * to a small local file as `PAR1 <footer> <length> PAR1`, which is everything
 * DuckDB's `parquet_schema` reads. The native reader in `lib/catalog` then
 * fingerprints those files exactly as it does local ones. Native DuckDB's httpfs
 * extension would have to be downloaded, which this product never does.
 */
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readSchemas, type SchemaResult } from '../catalog/parquet-schemas';
import { createLimiter } from '../catalog/limit';
import { describeS3Error } from './errors';

/** Bytes fetched from each object's end on the first try; most footers fit. */
export const FOOTER_GUESS_BYTES = 16 * 1024;
const MAGIC = Buffer.from('PAR1', 'ascii');

/** An object whose schema to read. */
export interface FooterTarget {
  key: string;
  size: number;
  modified: string;
}

async function getRange(client: S3Client, bucket: string, key: string, start: number, end: number): Promise<Buffer> {
  const response = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key, Range: `bytes=${start}-${end}` }));
  const bytes = await response.Body?.transformToByteArray();
  return Buffer.from(bytes ?? new Uint8Array());
}

/**
 * The minimal Parquet file holding `key`'s footer, or an error message that
 * says why the object is not Parquet.
 */
export async function fetchFooterFile(client: S3Client, bucket: string, target: FooterTarget): Promise<{ bytes: Buffer } | { error: string }> {
  if (target.size < 12) return { error: `too small to be Parquet (${target.size} bytes)` };
  const start = Math.max(0, target.size - FOOTER_GUESS_BYTES);
  let tail = await getRange(client, bucket, target.key, start, target.size - 1);
  if (tail.length < 8 || !tail.subarray(tail.length - 4).equals(MAGIC)) return { error: 'not a Parquet file (no PAR1 trailer)' };
  const length = tail.readUInt32LE(tail.length - 8);
  if (length + 12 > target.size) return { error: `corrupt Parquet footer (length ${length} for a ${target.size}-byte file)` };
  if (length + 8 > tail.length) tail = await getRange(client, bucket, target.key, target.size - 8 - length, target.size - 1);
  return { bytes: Buffer.concat([MAGIC, tail.subarray(tail.length - 8 - length)]) };
}

/** Options for {@link readS3Schemas}. */
export interface ReadS3SchemasOptions {
  /** Ranged GETs in flight at once. */
  concurrency?: number;
}

/**
 * Schema fingerprints (or errors naming what went wrong) for the given objects,
 * keyed by object key. Footer files live in a temporary folder only while the
 * native reader runs; its cache remembers the results.
 */
export async function readS3Schemas(
  client: S3Client,
  bucket: string,
  targets: readonly FooterTarget[],
  options: ReadS3SchemasOptions = {},
): Promise<Map<string, SchemaResult>> {
  const results = new Map<string, SchemaResult>();
  if (targets.length === 0) return results;
  const folder = await mkdtemp(path.join(os.tmpdir(), 'clusterscope-footers-'));
  try {
    const limit = createLimiter(options.concurrency ?? 16);
    const written: { key: string; absolutePath: string; size: number; modified: string }[] = [];
    await Promise.all(
      targets.map((target, index) =>
        limit(async () => {
          try {
            const footer = await fetchFooterFile(client, bucket, target);
            if ('error' in footer) {
              results.set(target.key, footer);
              return;
            }
            // Numbered names keep the temporary paths short and free of the key's characters.
            const absolutePath = path.join(folder, String(index % 256), `${index}.parquet`);
            await mkdir(path.dirname(absolutePath), { recursive: true });
            await writeFile(absolutePath, footer.bytes);
            written.push({ key: target.key, absolutePath, size: target.size, modified: target.modified });
          } catch (error) {
            results.set(target.key, { error: `cannot read the footer: ${describeS3Error(error)}` });
          }
        }),
      ),
    );
    const schemas = await readSchemas(written);
    for (const file of written) results.set(file.key, schemas.get(file.absolutePath) ?? { error: 'not read' });
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
  return results;
}
