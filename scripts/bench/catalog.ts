/**
 * `npm run bench:catalog`: fleet-scale catalog against a real radosgw.
 *
 * Builds (once) a bucket with a 20,000-object export (8 tables x 20 clusters x
 * 90 days, plus a second part file per partition in the last 35 days) and a
 * 480-object one (8 x 4 clusters x 8 days, second parts in the last 7), then
 * prints two ratios, each against a baseline measured in the same run (median
 * of 5 alternating runs):
 * 1. cold catalog build (discovery + parallel paginated listings + Hive
 *    parsing: the manifest the server serves first; Parquet footers are read
 *    after it, in the background, and are left out here) / bare SDK
 *    ListObjectsV2 pagination over the same prefix. Target <= 1.2.
 * 2. a library query's start-up overhead (engine views for the whole catalog,
 *    registering what the query can touch, running it) on the 20,000-file
 *    catalog / on the 480-file catalog. Target <= 1.2. Runs on DuckDB-WASM 1.28's
 *    Node build (the browser's engine) with each object read from a local copy
 *    of the same bytes, so it measures the catalog's cost, not the network's.
 *
 * Ratios only: nothing here asserts a time.
 */
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createLimiter } from '../../lib/catalog/limit';
import type { CatalogManifest } from '../../lib/catalog/types';
import { LazyViews } from '../../lib/engine/lazy-views';
import { nodeViewTarget, startNodeEngine } from '../../lib/engine/testing/node-engine';
import { findLibraryQuery } from '../../lib/library';
import { defaultValues } from '../../lib/library/parameters';
import { bindParameters } from '../../lib/params/bind';
import { createS3Catalog } from '../../lib/s3/catalog';
import { listObjects } from '../../lib/s3/list';
import { ensureBucket } from '../../lib/s3/testing/bucket';
import { radosgw, testS3Answers, testS3Client } from '../../lib/s3/testing/env';

const ROOT = path.resolve(__dirname, '..', '..');
const SAMPLE_TABLES = path.join(ROOT, 'data', 'sample', 'extract_redshift_query_logs', 'data');
const BUCKET = 'bench-fleet';
const END = Date.parse('2026-11-28T00:00:00Z');
const RUNS = 5;

interface Layout {
  prefix: string;
  clusters: number;
  days: number;
  /** Days (the most recent) with a second part file. */
  appendDays: number;
}
const FLEET: Layout = { prefix: 'fleet/', clusters: 20, days: 90, appendDays: 35 };
const SMALL: Layout = { prefix: 'small/', clusters: 4, days: 8, appendDays: 7 };

function day(offset: number): string {
  return new Date(END - offset * 86_400_000).toISOString().slice(0, 10);
}

function cluster(index: number): string {
  return `cluster-${String(index).padStart(2, '0')}`;
}

/** The smallest real part file of each sample table: the bytes every benchmark object of that table holds. */
function smallestParts(): Map<string, string> {
  const parts = new Map<string, string>();
  for (const table of readdirSync(SAMPLE_TABLES)) {
    let best: { file: string; size: number } | undefined;
    const walk = (folder: string): void => {
      for (const entry of readdirSync(folder, { withFileTypes: true })) {
        const full = path.join(folder, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name.endsWith('.parquet')) {
          const size = statSync(full).size;
          if (!best || size < best.size) best = { file: full, size };
        }
      }
    };
    walk(path.join(SAMPLE_TABLES, table));
    if (best) parts.set(table, best.file);
  }
  return parts;
}

function keysOf(layout: Layout, tables: readonly string[]): { key: string; table: string }[] {
  const keys: { key: string; table: string }[] = [];
  for (const table of tables) {
    for (let c = 0; c < layout.clusters; c += 1) {
      for (let d = 0; d < layout.days; d += 1) {
        const folder = `${layout.prefix}extract_redshift_query_logs/data/${table}/clusterid=${cluster(c)}/startdate=${day(d)}`;
        keys.push({ key: `${folder}/part-00000-${c}-${d}.c000.snappy.parquet`, table });
        if (d < layout.appendDays) keys.push({ key: `${folder}/part-00001-${c}-${d}.c000.snappy.parquet`, table });
      }
    }
  }
  return keys;
}

async function populate(client: S3Client, layout: Layout, parts: Map<string, string>): Promise<number> {
  const keys = keysOf(layout, [...parts.keys()]);
  const existing = (await listObjects(client, BUCKET, layout.prefix)).objects.length;
  if (existing === keys.length) return keys.length;
  const bodies = new Map<string, Buffer>();
  for (const [table, file] of parts) bodies.set(table, await readFile(file));
  const limit = createLimiter(32);
  let done = 0;
  await Promise.all(
    keys.map(({ key, table }) =>
      limit(async () => {
        await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: bodies.get(table) }));
        done += 1;
        if (done % 2000 === 0) process.stderr.write(`  uploaded ${done} of ${keys.length}\n`);
      }),
    ),
  );
  return keys.length;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

async function timed<T>(task: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const value = await task();
  return [performance.now() - started, value];
}

/** Schema groups as the footer reader finds them: every object of a table holds the same bytes. */
function withOneSchemaPerTable(manifest: CatalogManifest): CatalogManifest {
  return { ...manifest, tables: manifest.tables.map((table) => ({ ...table, files: table.files.map((file) => ({ ...file, schemaGroup: 0 })) })) };
}

async function queryStartup(manifest: CatalogManifest, parts: Map<string, string>, sql: string): Promise<number> {
  const engine = await startNodeEngine();
  try {
    const [ms] = await timed(async () => {
      const views = new LazyViews(nodeViewTarget(engine), manifest, (table) => parts.get(table.name) ?? '');
      await views.start();
      await views.prepare(sql, { trustedPartitionFilters: true });
      engine.conn.query(sql);
    });
    return ms;
  } finally {
    engine.close();
  }
}

async function main(): Promise<void> {
  let started = false;
  if (!(await testS3Answers())) {
    console.error('Starting radosgw (scripts/s3/radosgw.sh)…');
    radosgw('start-empty');
    started = true;
  }
  try {
    const client = testS3Client();
    await ensureBucket(client, BUCKET);
    const parts = smallestParts();
    console.error('Preparing the benchmark bucket (first run uploads 20,480 objects)…');
    const fleetCount = await populate(client, FLEET, parts);
    const smallCount = await populate(client, SMALL, parts);

    const listMs: number[] = [];
    const catalogMs: number[] = [];
    let fleet: CatalogManifest | undefined;
    for (let run = 0; run < RUNS; run += 1) {
      listMs.push((await timed(() => listObjects(client, BUCKET, FLEET.prefix)))[0]);
      const [ms, manifest] = await timed(() => createS3Catalog({ client, location: { bucket: BUCKET, prefix: FLEET.prefix }, readFooters: false }).get());
      catalogMs.push(ms);
      fleet = manifest;
    }
    const small = await createS3Catalog({ client, location: { bucket: BUCKET, prefix: SMALL.prefix }, readFooters: false }).get();
    if (!fleet) throw new Error('no catalog');
    const fleetFiles = fleet.tables.reduce((sum, table) => sum + table.files.length, 0);
    const smallFiles = small.tables.reduce((sum, table) => sum + table.files.length, 0);

    const query = findLibraryQuery('aborted-rate');
    if (!query) throw new Error('library query aborted-rate is missing');
    const clusters = [cluster(0), cluster(1), cluster(2)];
    const defs = query.parameters({ clusters, today: day(0) });
    const bound = bindParameters(query.sql, defs, { ...defaultValues(defs), clusters, days: { start: day(6), end: day(0) } });
    if (!bound.ok) throw new Error('cannot bind the library query');
    const fleetEngine = withOneSchemaPerTable(fleet);
    const smallEngine = withOneSchemaPerTable(small);
    await queryStartup(smallEngine, parts, bound.sql); // warm-up: wasm compilation
    const fleetQueryMs: number[] = [];
    const smallQueryMs: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      smallQueryMs.push(await queryStartup(smallEngine, parts, bound.sql));
      fleetQueryMs.push(await queryStartup(fleetEngine, parts, bound.sql));
    }

    const list = median(listMs);
    const build = median(catalogMs);
    const bigQuery = median(fleetQueryMs);
    const smallQuery = median(smallQueryMs);
    console.log(`objects: fleet ${fleetCount} (${fleetFiles} in the catalog), small ${smallCount} (${smallFiles} in the catalog)`);
    console.log(`bare ListObjectsV2 pagination: ${list.toFixed(0)} ms; cold catalog build: ${build.toFixed(0)} ms`);
    console.log(`ratio 1 (cold catalog build / bare listing, target <= 1.2): ${(build / list).toFixed(2)}`);
    console.log(`library query "${query.title}" start-up: ${fleetFiles} files ${bigQuery.toFixed(0)} ms, ${smallFiles} files ${smallQuery.toFixed(0)} ms`);
    console.log(`ratio 2 (query start-up 20,000 files / 500 files, target <= 1.2): ${(bigQuery / smallQuery).toFixed(2)}`);
  } finally {
    if (started) radosgw('stop');
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : String(error));
  process.exit(1);
});
