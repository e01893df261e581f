/**
 * ListObjectsV2 helpers: paginated listings of a prefix, one level of "folders"
 * with a delimiter, and discovery of the table prefixes under a source prefix.
 */
import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { parsePartitionSegment } from '../catalog/hive';
import { isHiddenName, isParquetName } from '../catalog/walk';
import { createLimiter, type Limiter } from '../catalog/limit';

/** One listed object. */
export interface S3Object {
  key: string;
  size: number;
  /** ISO 8601 UTC. */
  modified: string;
}

/** Options for {@link listObjects}. */
export interface ListOptions {
  /** Only keys after this one (exclusive), as ListObjectsV2's StartAfter. */
  startAfter?: string;
  /** Delimiter listing: report common prefixes instead of descending. */
  delimiter?: string;
  /** Stop after one page of at most this many keys. */
  firstPage?: number;
}

/** What one listing found. */
export interface Listing {
  objects: S3Object[];
  /** Common prefixes (with delimiter only), each ending with the delimiter. */
  folders: string[];
  /** ListObjectsV2 calls made. */
  requests: number;
}

/** Lists every object (and common prefix) under `prefix`, following continuation tokens. */
export async function listObjects(client: S3Client, bucket: string, prefix: string, options: ListOptions = {}): Promise<Listing> {
  const listing: Listing = { objects: [], folders: [], requests: 0 };
  let token: string | undefined;
  do {
    const page = await client.send(
      new ListObjectsV2Command({
        Bucket: bucket,
        Prefix: prefix,
        Delimiter: options.delimiter,
        // StartAfter is ignored by S3 once a continuation token is given.
        StartAfter: token === undefined ? options.startAfter : undefined,
        ContinuationToken: token,
        MaxKeys: options.firstPage,
      }),
    );
    listing.requests += 1;
    for (const item of page.Contents ?? []) {
      if (item.Key === undefined) continue;
      listing.objects.push({ key: item.Key, size: item.Size ?? 0, modified: (item.LastModified ?? new Date(0)).toISOString() });
    }
    for (const common of page.CommonPrefixes ?? []) if (common.Prefix !== undefined) listing.folders.push(common.Prefix);
    token = page.IsTruncated && options.firstPage === undefined ? page.NextContinuationToken : undefined;
  } while (token !== undefined);
  return listing;
}

/** Last segment of a folder prefix (`a/b/` → `b`). */
export function folderName(folder: string): string {
  const trimmed = folder.endsWith('/') ? folder.slice(0, -1) : folder;
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** True for keys the catalog reads: Parquet names with no hidden (`_`, `.`) segment below the source prefix. */
export function isCatalogKey(relativeKey: string): boolean {
  const segments = relativeKey.split('/');
  return isParquetName(segments[segments.length - 1] ?? '') && !segments.some(isHiddenName);
}

/** How deep discovery descends through plain folders before giving up on a branch. */
const MAX_DEPTH = 8;

/** Table prefixes found by {@link discoverTablePrefixes}. */
export interface Discovery {
  /** Prefixes (ending with `/`) whose children are partitions or Parquet files. */
  tables: string[];
  requests: number;
}

/**
 * Finds the table prefixes below `root` with delimiter listings: a folder is a
 * table when it holds `key=value` folders or Parquet files; other folders are
 * descended in parallel. Parquet files directly under `root` are left to the
 * full listing, which reports them as not inside a table folder. `onTable` hears
 * of each table as soon as it is found, so its listing can start at once.
 */
export async function discoverTablePrefixes(
  client: S3Client,
  bucket: string,
  root: string,
  limit: Limiter = createLimiter(16),
  onTable?: (prefix: string) => void,
): Promise<Discovery> {
  const found: Discovery = { tables: [], requests: 0 };
  const visit = async (prefix: string, depth: number): Promise<void> => {
    if (prefix !== root) {
      // The first key below a folder usually tells whether it is a table, without a delimiter
      // listing, which some stores (radosgw) pay for by walking every key below the folder.
      const probe = await limit(() => listObjects(client, bucket, prefix, { firstPage: 1 }));
      found.requests += probe.requests;
      const first = probe.objects[0]?.key.slice(prefix.length);
      if (first === undefined) return;
      const segment = first.slice(0, Math.max(0, first.indexOf('/')));
      if ((segment !== '' && parsePartitionSegment(segment) !== null) || (segment === '' && isCatalogKey(first))) {
        found.tables.push(prefix);
        onTable?.(prefix);
        return;
      }
    }
    const listing = await limit(() => listObjects(client, bucket, prefix, { delimiter: '/' }));
    found.requests += listing.requests;
    const folders = listing.folders.filter((folder) => !isHiddenName(folderName(folder)));
    const isTable =
      prefix !== root &&
      (folders.some((folder) => parsePartitionSegment(folderName(folder)) !== null) ||
        listing.objects.some((object) => isCatalogKey(object.key.slice(prefix.length))));
    if (isTable) {
      found.tables.push(prefix);
      onTable?.(prefix);
      return;
    }
    if (depth >= MAX_DEPTH) return;
    await Promise.all(folders.map((folder) => visit(folder, depth + 1)));
  };
  await visit(root, 0);
  found.tables.sort();
  return found;
}
