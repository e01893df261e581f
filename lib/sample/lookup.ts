/**
 * Recomputes what the generator wrote, without reading any file: the rows of
 * one cluster-day, or the plaintext behind one FLE-protected value. Tests and
 * the e2e suite compare decrypted cells against these.
 */

import { buildClusters } from './clusters';
import { generateClusterDay } from './day';
import { resolveSampleOptions } from './options';
import { windowDays } from './time';
import type { ClusterDayRows, SampleOptions } from './types';
import { buildClusterContext } from './context';
import { queryIdStride, xidStride } from './workload';

/** Identifies one protected cell: stl_query by query; the *text tables by their keys and chunk sequence. */
export type PlaintextKey =
  | { table: 'stl_query'; query: number }
  | { table: 'stl_querytext'; query: number; sequence: number }
  | { table: 'stl_ddltext' | 'stl_utilitytext'; xid: number; sequence: number };

function contextFor(options: SampleOptions, clusterId: string): ReturnType<typeof buildClusterContext> {
  const cluster = buildClusters(options.clusters).find((c) => c.id === clusterId);
  if (!cluster) throw new Error(`No cluster ${clusterId} in a sample of ${options.clusters} clusters`);
  return buildClusterContext(options, cluster);
}

/**
 * The rows a cluster's activity on one day produced (before encryption and
 * CHAR padding). A few belong to the next day's partition; see TimedRow.at.
 */
export function sampleRowsForDay(options: Partial<SampleOptions>, clusterId: string, day: string): ClusterDayRows {
  const resolved = resolveSampleOptions(options);
  const days = windowDays(resolved.endDate, resolved.days);
  const index = days.indexOf(day);
  if (index < 0) throw new Error(`${day} is outside the sample window ${days[0]} .. ${resolved.endDate}`);
  return generateClusterDay(contextFor(resolved, clusterId), day, index);
}

/**
 * The plaintext of one FLE-protected cell, or null when no such row exists.
 * Pass the options recorded in sample.json. Only the one day the ids point
 * at is recomputed, so a lookup takes milliseconds.
 */
export function expectedPlaintext(options: Partial<SampleOptions>, clusterId: string, key: PlaintextKey): string | null {
  const resolved = resolveSampleOptions(options);
  const ctx = contextFor(resolved, clusterId);
  const byQuery = key.table === 'stl_query' || key.table === 'stl_querytext';
  const id = byQuery ? key.query : key.xid;
  const first = byQuery ? ctx.cluster.firstQueryId : ctx.cluster.firstXid;
  const stride = byQuery ? queryIdStride(ctx.cluster, resolved.queriesPerDay) : xidStride(ctx.cluster, resolved.queriesPerDay);
  const index = Math.floor((id - first) / stride);
  const day = windowDays(resolved.endDate, resolved.days)[index];
  if (day === undefined) return null;
  const rows = generateClusterDay(ctx, day, index);
  switch (key.table) {
    case 'stl_query':
      return rows.stl_query.find((r) => r.row.query === key.query)?.row.querytxt ?? null;
    case 'stl_querytext':
      return rows.stl_querytext.find((r) => r.row.query === key.query && r.row.sequence === key.sequence)?.row.text ?? null;
    default:
      return rows[key.table].find((r) => r.row.xid === key.xid && r.row.sequence === key.sequence)?.row.text ?? null;
  }
}
