/**
 * The real export layout: Spark writes each table with
 * partitionBy("clusterid", "startdate") in append mode, one export run every
 * few minutes, so a partition folder holds several part files, each covering
 * a later stretch of time and carrying its run's UUID.
 */

import { createRng, seededUuid } from './random';
import type { TableName } from './types';

/** Folder under the sample root that holds all tables. */
export const DATA_PREFIX = 'extract_redshift_query_logs/data';

/** Matches a part file path relative to the sample root. */
export const PART_PATH_RE =
  /^extract_redshift_query_logs\/data\/(stl_[a-z_]+)\/clusterid=([a-z0-9-]+)\/startdate=(\d{4}-\d{2}-\d{2})\/part-(\d{5})-([0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12})\.c000\.snappy\.parquet$/;

/** The partition folder of a table, cluster and day, relative to the sample root. */
export function partitionDir(table: TableName, clusterId: string, day: string): string {
  return `${DATA_PREFIX}/${table}/clusterid=${clusterId}/startdate=${day}`;
}

/** One export run's share of a partition: a slice of its time-ordered rows and the file it goes to. */
export interface ExportRun {
  /** Index of the first row (rows are in time order) and one past the last. */
  from: number;
  to: number;
  /** File name within the partition folder. */
  fileName: string;
}

/**
 * Splits a partition's time-ordered rows into 2-4 export runs (fewer when
 * there are fewer rows) and names each run's file. Deterministic in the seed
 * and the partition, independent of everything else.
 */
export function planExportRuns(seed: number, table: TableName, clusterId: string, day: string, rowCount: number): ExportRun[] {
  if (rowCount === 0) return [];
  const rng = createRng(seed, 'export', table, clusterId, day);
  const runs = Math.min(rowCount, rng.int(2, 4));
  // Uneven cut points: runs see different amounts of new data.
  const weights = Array.from({ length: runs }, () => 0.4 + rng.next());
  const total = weights.reduce((a, b) => a + b, 0);
  const out: ExportRun[] = [];
  let from = 0;
  let acc = 0;
  for (let i = 0; i < runs; i++) {
    acc += weights[i] ?? 0;
    const to = i === runs - 1 ? rowCount : Math.max(from + 1, Math.min(rowCount - (runs - 1 - i), Math.round((acc / total) * rowCount)));
    const part = String(rng.int(0, 199)).padStart(5, '0');
    out.push({ from, to, fileName: `part-${part}-${seededUuid(rng)}.c000.snappy.parquet` });
    from = to;
  }
  return out;
}
