/**
 * Generates a complete sample: every cluster and day, FLE-protected text,
 * Parquet in the real export layout, and the sample.json marker last.
 */

import { generatorFingerprint } from './fingerprint';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildClusters } from './clusters';
import { emptyRows, generateClusterDay } from './day';
import type { FleEncryptor } from './encrypt';
import { createFleEncryptor } from './encrypt';
import { DEMO_KEY_NAME, DEMO_KEY_NAMESPACE, demoPublicKeyPem } from './keys';
import type { SampleMarker } from './marker';
import { readMarker, writeMarker } from './marker';
import { SerialQueue } from './limit';
import { resolveSampleOptions } from './options';
import { createTempDir, discardTempDir, moveIntoPlace } from './output-dir';
import { encryptedColumns } from './schema';
import { formatDay, windowDays } from './time';
import type { ClusterDayRows, ClusterProfile, RowRecord, SampleOptions, TableName, TimedRow } from './types';
import { TABLE_NAMES } from './types';
import { buildClusterContext } from './context';
import { PartitionWriter } from './write';

/** Options of generateSample: the content options plus where and how to write. */
export interface GenerateSampleOptions extends Partial<SampleOptions> {
  /** Target folder; default `data/sample` under the current directory. */
  out?: string;
  /** Protect text columns with FLE (default true); false writes plaintext for large benchmark runs. */
  encrypt?: boolean;
  /** Return at once when a complete sample already exists at out. */
  ifMissing?: boolean;
  /** SPKI PEM to encrypt for; defaults to the bundled demo key. */
  publicKeyPem?: string;
  /** Called after each cluster-day partition set is written. */
  onProgress?: (event: SampleProgress) => void;
}

/** Reported after each partition day of a cluster is written. */
export interface SampleProgress {
  clusterId: string;
  clusterIndex: number;
  clusters: number;
  /** The partition day just written. */
  day: string;
  rows: number;
  files: number;
  /** Distinct texts encrypted so far for this cluster. */
  encryptedTexts: number;
}

/** What generateSample did. */
export interface SampleSummary {
  /** Absolute path of the sample root. */
  out: string;
  /** True when ifMissing found a complete sample and nothing was written. */
  skipped: boolean;
  marker: SampleMarker;
  millis: number;
}

/** Partition-day -> rows, for rows that spill over midnight into a later day. */
type Pending = Map<string, ClusterDayRows>;

function bucketByDay(rows: ClusterDayRows, pending: Pending): void {
  for (const table of TABLE_NAMES) {
    const list: ReadonlyArray<TimedRow<RowRecord>> = rows[table];
    for (const r of list) {
      const day = formatDay(r.at);
      let bucket = pending.get(day);
      if (!bucket) {
        bucket = emptyRows();
        pending.set(day, bucket);
      }
      (bucket[table] as Array<TimedRow<RowRecord>>).push(r);
    }
  }
}

function protectedTexts(rows: ClusterDayRows): Set<string> {
  const texts = new Set<string>();
  for (const table of TABLE_NAMES) {
    const cols = encryptedColumns(table);
    if (cols.length === 0) continue;
    const list: ReadonlyArray<TimedRow<RowRecord>> = rows[table];
    for (const r of list) for (const c of cols) texts.add(String(r.row[c]));
  }
  return texts;
}

interface RunTotals {
  files: number;
  bytes: number;
  counts: Record<TableName, number>;
}

/** Writes held back at once; each holds one partition-day of rows in memory. */
const MAX_QUEUED_WRITES = 2;

/**
 * Generates one cluster's days and queues their writes. Encryption of the
 * next day runs while DuckDB writes the previous one.
 */
async function generateCluster(
  options: SampleOptions,
  cluster: ClusterProfile,
  root: string,
  writer: PartitionWriter,
  queue: SerialQueue,
  encryptor: FleEncryptor | null,
  totals: RunTotals,
  report: (day: string, rows: number, files: number) => void,
): Promise<void> {
  const ctx = buildClusterContext(options, cluster);
  const pending: Pending = new Map();
  const protect = encryptor ? (p: string): string => encryptor.ciphertextOf(p) : (p: string): string => p;

  const writeDay = async (day: string, rows: ClusterDayRows): Promise<void> => {
    let dayRows = 0;
    let dayFiles = 0;
    for (const table of TABLE_NAMES) {
      const list: ReadonlyArray<TimedRow<RowRecord>> = rows[table];
      const files = await writer.writePartition({ root, table, cluster, day, rows: list, seed: options.seed, protect });
      totals.counts[table] += list.length;
      totals.files += files.length;
      totals.bytes += files.reduce((a, f) => a + f.bytes, 0);
      dayRows += list.length;
      dayFiles += files.length;
    }
    report(day, dayRows, dayFiles);
  };

  const flush = async (upTo: string | null): Promise<void> => {
    for (const day of Array.from(pending.keys()).sort()) {
      if (upTo !== null && day > upTo) continue;
      const rows = pending.get(day) as ClusterDayRows;
      pending.delete(day);
      if (encryptor) await encryptor.encryptAll(protectedTexts(rows));
      await queue.waitBelow(MAX_QUEUED_WRITES);
      queue.push(() => writeDay(day, rows));
    }
  };

  const days = windowDays(options.endDate, options.days);
  for (const [dayIndex, day] of days.entries()) {
    bucketByDay(generateClusterDay(ctx, day, dayIndex), pending);
    // Later days never produce rows dated earlier, so everything up to this day is final.
    await flush(day);
  }
  await flush(null);
}

/** The SampleOptions fields that were given, so unset ones fall back to defaults. */
function pickSampleOptions(opts: GenerateSampleOptions): Partial<SampleOptions> {
  const out: Partial<SampleOptions> = {};
  if (opts.clusters !== undefined) out.clusters = opts.clusters;
  if (opts.days !== undefined) out.days = opts.days;
  if (opts.queriesPerDay !== undefined) out.queriesPerDay = opts.queriesPerDay;
  if (opts.endDate !== undefined) out.endDate = opts.endDate;
  if (opts.seed !== undefined) out.seed = opts.seed;
  return out;
}

/**
 * Generates the sample described by the options into `out`, replacing an
 * earlier sample there. Plaintext content depends only on the options
 * (seed, end date, sizes); ciphertexts differ between runs.
 */
export async function generateSample(opts: GenerateSampleOptions = {}): Promise<SampleSummary> {
  const started = Date.now();
  const out = resolve(opts.out ?? 'data/sample');
  if (opts.ifMissing) {
    const marker = readMarker(out);
    // A sample from another version of the generator would disagree with expectedPlaintext.
    if (marker && marker.generator === generatorFingerprint()) return { out, skipped: true, marker, millis: Date.now() - started };
  }
  const options = resolveSampleOptions(pickSampleOptions(opts));
  const encrypt = opts.encrypt ?? true;
  const publicKeyPem = encrypt ? (opts.publicKeyPem ?? demoPublicKeyPem()) : '';
  const clusters = buildClusters(options.clusters);
  const tmp = createTempDir(out);
  const writer = await PartitionWriter.open();
  const queue = new SerialQueue();
  try {
    const totals: RunTotals = { files: 0, bytes: 0, counts: Object.fromEntries(TABLE_NAMES.map((t) => [t, 0])) as Record<TableName, number> };
    for (const cluster of clusters) {
      const encryptor = encrypt ? createFleEncryptor({ publicKeyPem, suite: cluster.suite, base64Padding: cluster.base64Padding }) : null;
      await generateCluster(options, cluster, tmp, writer, queue, encryptor, totals, (day, rows, dayFiles) =>
        opts.onProgress?.({
          clusterId: cluster.id,
          clusterIndex: cluster.index,
          clusters: clusters.length,
          day,
          rows,
          files: dayFiles,
          encryptedTexts: encryptor?.size ?? 0,
        }),
      );
    }
    await queue.drain();
    const { counts, files, bytes } = totals;
    const marker = writeMarker(tmp, {
      generatedAt: new Date().toISOString(),
      generator: generatorFingerprint(),
      options,
      startDate: windowDays(options.endDate, options.days)[0] ?? options.endDate,
      encrypted: encrypt,
      fle: encrypt ? { keyNamespace: DEMO_KEY_NAMESPACE, keyName: DEMO_KEY_NAME } : null,
      clusters: clusters.map((c) => ({ id: c.id, suite: c.suite, base64Padding: c.base64Padding, newerColumns: c.newerColumns })),
      counts,
      files,
      bytes,
    });
    writer.close();
    moveIntoPlace(tmp, out);
    return { out, skipped: false, marker, millis: Date.now() - started };
  } catch (err) {
    // Let queued writes settle before their folder and database go away.
    await queue.drain().catch(() => undefined);
    if (existsSync(tmp)) discardTempDir(tmp);
    throw err;
  } finally {
    writer.close();
  }
}
