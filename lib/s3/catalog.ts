/**
 * The catalog of one S3 source, kept in server memory between requests.
 *
 * A full build discovers the table prefixes and lists them in parallel. A
 * refresh is incremental: for each table it lists the first partition level
 * (e.g. the `clusterid=` folders) with a delimiter, then lists each of those
 * with StartAfter set just before the last leaf partition seen there. New part
 * files land in the newest partition (the export appends every few minutes)
 * and new partitions sort after it, so both are found without listing
 * everything again; the last partition is re-listed whole because Spark's part
 * names do not sort by time. Deletions and late writes into older partitions
 * are picked up by a full listing every `fullEvery` refreshes, and at once
 * after a listed object turns out to be gone.
 *
 * Parquet footers are read in the background after a listing, so a fleet-sized
 * bucket opens as fast as it lists; files whose schema is not known yet are
 * read by the engine with `union_by_name` until the next manifest.
 */
import { GetBucketCorsCommand, type S3Client } from '@aws-sdk/client-s3';
import { EXPECTED_LAYOUT } from '../catalog/local';
import type { SchemaResult } from '../catalog/parquet-schemas';
import { createLimiter } from '../catalog/limit';
import { groupBySchema } from '../catalog/schema-groups';
import { buildTables } from '../catalog/tables';
import type { CatalogChanges, CatalogFile, CatalogManifest } from '../catalog/types';
import { corsAllowsRangeReads } from './cors';
import { describeS3Error, isUnreachable, s3ErrorCode } from './errors';
import { readS3Schemas } from './footers';
import { discoverTablePrefixes, isCatalogKey, listObjects, type S3Object } from './list';
import { formatS3Url, type S3Location } from './location';

/** Default time between refreshes (the export runs every 5 to 10 minutes). */
export const DEFAULT_REFRESH_MS = 5 * 60_000;
/** How soon a source that could not be listed is tried again. */
export const RETRY_MS = 10_000;

/** Options for {@link createS3Catalog}. */
export interface S3CatalogOptions {
  client: S3Client;
  location: S3Location;
  /** Name shown in messages; defaults to the s3:// URL. */
  name?: string;
  refreshMs?: number;
  /** Every n-th refresh lists everything, to see deletions. Default 12 (hourly at 5 minutes). */
  fullEvery?: number;
  /** Listings in flight at once. */
  concurrency?: number;
  /** The console's origin, when known, to check the bucket's CORS rule against. */
  origin?: string;
  /** How the browser reads the objects; goes into the manifest. Default `presigned` (proxy when the bucket has no CORS rule). */
  access?: 'presigned' | 'proxy';
  /** Read Parquet footers in the background after each listing; default true (the benchmark turns it off). */
  readFooters?: boolean;
  /** Wait for Parquet footers before answering (tests); default false. */
  awaitFooters?: boolean;
  now?: () => Date;
}

/** Options for {@link S3Catalog.get}. */
export interface S3GetOptions {
  /** Refresh now (incremental) instead of serving the cached manifest. */
  refresh?: boolean;
  /** List everything again, e.g. after a listed object was not found. */
  full?: boolean;
  /** Answer with the last manifest at once, refreshing in the background when one is due (file reads). */
  allowStale?: boolean;
}

/** One S3 source's catalog; see the module comment. */
export interface S3Catalog {
  get(options?: S3GetOptions): Promise<CatalogManifest>;
  /** Resolves once background footer reading has caught up (tests, benchmarks). */
  settled(): Promise<void>;
  /** The object key of a manifest path (the path is relative to the source prefix). */
  keyOf(manifestPath: string): string;
  readonly location: S3Location;
}

interface TableState {
  objects: Map<string, S3Object>;
}

function identity(object: S3Object): string {
  return `${object.key}\u0000${object.size}\u0000${object.modified}`;
}

function folderOf(key: string): string {
  return key.slice(0, key.lastIndexOf('/') + 1);
}

/** Creates the catalog of one S3 source. Nothing is listed until the first `get`. */
export function createS3Catalog(options: S3CatalogOptions): S3Catalog {
  const { client, location } = options;
  const url = formatS3Url(location);
  const name = options.name ?? url;
  const refreshMs = options.refreshMs ?? DEFAULT_REFRESH_MS;
  const fullEvery = options.fullEvery ?? 12;
  const now = options.now ?? (() => new Date());
  const limit = createLimiter(options.concurrency ?? 16);
  const tables = new Map<string, TableState>();
  const schemas = new Map<string, SchemaResult>();
  let manifest: CatalogManifest | undefined;
  let lastAttemptMs = 0;
  let lastFailed = false;
  let runs = 0;
  let inFlight: Promise<CatalogManifest> | undefined;
  let footerJob: Promise<void> = Promise.resolve();
  let lastChanges: CatalogChanges | undefined;
  let access: 'presigned' | 'proxy' = options.access ?? 'presigned';
  let accessWarning: string | undefined;

  /**
   * Presigned reads need a CORS rule on the bucket. Without one the browser
   * cannot read a single byte, so the console switches to proxy mode and says why.
   */
  const checkCors = async (): Promise<void> => {
    if (options.access === 'proxy') return;
    let allowed: boolean;
    try {
      const cors = await client.send(new GetBucketCorsCommand({ Bucket: location.bucket }));
      allowed = corsAllowsRangeReads(cors.CORSRules ?? [], options.origin);
    } catch (error) {
      if (s3ErrorCode(error) !== 'NoSuchCORSConfiguration') return; // cannot tell (e.g. no s3:GetBucketCORS): keep presigned reads
      allowed = false;
    }
    access = allowed ? 'presigned' : 'proxy';
    accessWarning = allowed
      ? undefined
      : `Bucket ${location.bucket} has no CORS rule that lets the browser read byte ranges, so files are read through this server (proxy mode). ` +
        'To read straight from S3, add the CORS rule from the README to the bucket; to silence this, set CLUSTERSCOPE_S3_ACCESS=proxy.';
  };

  const relative = (key: string): string => key.slice(location.prefix.length);

  const listFull = async (prefix: string): Promise<TableState> => {
    const listing = await limit(() => listObjects(client, location.bucket, prefix));
    return { objects: new Map(listing.objects.map((object) => [object.key, object])) };
  };

  const listIncremental = async (prefix: string, state: TableState): Promise<void> => {
    const top = await limit(() => listObjects(client, location.bucket, prefix, { delimiter: '/' }));
    for (const object of top.objects) state.objects.set(object.key, object);
    const lastByBranch = new Map<string, string>();
    for (const key of state.objects.keys()) {
      const branchEnd = key.indexOf('/', prefix.length);
      if (branchEnd < 0) continue;
      const branch = key.slice(0, branchEnd + 1);
      const last = lastByBranch.get(branch);
      if (last === undefined || key > last) lastByBranch.set(branch, key);
    }
    await Promise.all(
      top.folders.map(async (branch) => {
        const last = lastByBranch.get(branch);
        // Just before the newest leaf partition: its folder name without the slash sorts before its keys.
        const startAfter = last === undefined ? undefined : folderOf(last).slice(0, -1);
        const listing = await limit(() => listObjects(client, location.bucket, branch, { startAfter }));
        for (const object of listing.objects) state.objects.set(object.key, object);
      }),
    );
  };

  const compose = (builtAt: string, changes: CatalogChanges | undefined): CatalogManifest => {
    const files = [...tables.values()]
      .flatMap((state) => [...state.objects.values()])
      .filter((object) => isCatalogKey(relative(object.key)))
      .map((object) => ({ path: relative(object.key), size: object.size, modified: object.modified }));
    const built = buildTables(files);
    const lookup = (file: Pick<CatalogFile, 'path' | 'size' | 'modified'>): SchemaResult | undefined =>
      schemas.get(identity({ key: location.prefix + file.path, size: file.size, modified: file.modified }));
    const grouped = groupBySchema(built.tables, lookup);
    const pendingFiles = files.filter((file) => file.size > 0 && lookup(file) === undefined).length;
    const warnings = [...built.warnings, ...grouped.warnings].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    if (accessWarning) warnings.unshift({ path: '', message: accessWarning });
    const next: CatalogManifest = { source: url, builtAt, tables: grouped.tables, warnings, access };
    if (changes) next.changes = changes;
    if (pendingFiles > 0) next.pending = `Reading Parquet footers of ${pendingFiles.toLocaleString('en-US')} files`;
    if (grouped.tables.length === 0) {
      next.problem =
        `No Parquet tables were found under ${url}. Expected ${EXPECTED_LAYOUT}.` +
        (warnings.length > 0 ? ' See the warnings for objects that were skipped.' : '');
    }
    return next;
  };

  const readFooters = async (): Promise<void> => {
    const todo = [...tables.values()]
      .flatMap((state) => [...state.objects.values()])
      .filter((object) => object.size > 0 && isCatalogKey(relative(object.key)) && !schemas.has(identity(object)));
    if (todo.length === 0) return;
    const results = await readS3Schemas(client, location.bucket, todo);
    for (const object of todo) schemas.set(identity(object), results.get(object.key) ?? { error: 'not read' });
    if (manifest && !lastFailed) manifest = compose(manifest.builtAt, lastChanges);
  };

  const run = async (full: boolean): Promise<CatalogManifest> => {
    const builtAt = now().toISOString();
    const previous = new Set([...tables.values()].flatMap((state) => [...state.objects.keys()]));
    const kind: CatalogChanges['kind'] = full || tables.size === 0 || runs % fullEvery === 0 ? 'full' : 'incremental';
    runs += 1;
    lastAttemptMs = now().getTime();
    try {
      // A full build lists each table as soon as discovery finds it.
      const listings = new Map<string, Promise<TableState>>();
      const startListing = (prefix: string): void => {
        if (listings.has(prefix)) return;
        const listing = listFull(prefix);
        // Awaited below; if discovery fails first, this keeps the rejection from going unhandled.
        listing.catch(() => undefined);
        listings.set(prefix, listing);
      };
      const [discovery] = await Promise.all([
        discoverTablePrefixes(client, location.bucket, location.prefix, limit, kind === 'full' ? startListing : undefined),
        kind === 'full' ? checkCors() : Promise.resolve(),
      ]);
      if (kind === 'full') {
        const states = await Promise.all(discovery.tables.map(async (prefix) => [prefix, await (listings.get(prefix) ?? listFull(prefix))] as const));
        tables.clear();
        for (const [prefix, state] of states) tables.set(prefix, state);
      } else {
        for (const prefix of discovery.tables) if (!tables.has(prefix)) tables.set(prefix, { objects: new Map() });
        await Promise.all(discovery.tables.map((prefix) => listIncremental(prefix, tables.get(prefix) ?? { objects: new Map() })));
      }
      lastFailed = false;
      // A first listing has nothing to compare with, so it skips the diff over every key.
      if (previous.size === 0) lastChanges = { kind, added: 0, removed: 0, newPartitions: [] };
      else {
        const current = [...tables.values()].flatMap((state) => [...state.objects.keys()]);
        const currentSet = new Set(current);
        const added = current.filter((key) => !previous.has(key) && isCatalogKey(relative(key)));
        const oldFolders = new Set([...previous].map(folderOf));
        lastChanges = {
          kind,
          added: added.length,
          removed: [...previous].filter((key) => !currentSet.has(key) && isCatalogKey(relative(key))).length,
          newPartitions: [...new Set(added.map(folderOf))]
            .filter((folder) => !oldFolders.has(folder))
            .map((folder) => relative(folder).slice(0, -1))
            .sort(),
        };
      }
      manifest = compose(builtAt, lastChanges);
      if (options.readFooters !== false) footerJob = footerJob.then(readFooters).catch(() => undefined);
      if (options.awaitFooters) {
        await footerJob;
        return manifest;
      }
      return manifest;
    } catch (error) {
      lastFailed = true;
      const reason = describeS3Error(error);
      const message = `S3 source ${name} (${url}) ${isUnreachable(error) ? 'is down' : 'cannot be listed'}: ${reason}. Retrying every ${RETRY_MS / 1000} s.`;
      // Keep serving what was listed before, with the outage said out loud.
      manifest = manifest
        ? { ...manifest, sourceError: message }
        : { source: url, builtAt, tables: [], warnings: [], problem: message, sourceError: message, access };
      return manifest;
    }
  };

  return {
    location,
    keyOf: (manifestPath) => location.prefix + manifestPath,
    settled: () => footerJob,
    get(getOptions = {}) {
      if (inFlight && getOptions.full) {
        // A full listing asked for while another runs (e.g. an object found gone) runs right after it.
        const after: Promise<CatalogManifest> = inFlight
          .then(() => run(true))
          .finally(() => {
            if (inFlight === after) inFlight = undefined;
          });
        inFlight = after;
        return after;
      }
      if (inFlight) return getOptions.allowStale && manifest ? Promise.resolve(manifest) : inFlight;
      const age = now().getTime() - lastAttemptMs;
      const due = manifest === undefined || getOptions.refresh || getOptions.full || age >= (lastFailed ? RETRY_MS : refreshMs);
      if (!due && manifest) return Promise.resolve(manifest);
      const started = run(getOptions.full === true).finally(() => {
        inFlight = undefined;
      });
      inFlight = started;
      return getOptions.allowStale && manifest ? Promise.resolve(manifest) : started;
    },
  };
}
