/**
 * Turns one simulated cluster-day into rows for all eight tables. Pure and
 * separate from writing, so tests and the e2e checks can recompute exactly
 * what the generator wrote (and encrypted).
 */

import { createRng } from './random';
import { explainRows, queryRow, queryTextRows } from './rows/query';
import { scanAndAlertRows } from './rows/scan';
import { statementTextRows } from './rows/text';
import { wlmRow } from './rows/wlm';
import type { ClusterDayRows, TableName } from './types';
import { TABLE_NAMES } from './types';
import type { ClusterContext } from './context';
import { simulateClusterDay } from './workload';

/** An empty row set for every table. */
export function emptyRows(): ClusterDayRows {
  return {
    stl_query: [],
    stl_querytext: [],
    stl_ddltext: [],
    stl_utilitytext: [],
    stl_explain: [],
    stl_scan: [],
    stl_wlm_query: [],
    stl_alert_event_log: [],
  };
}

/**
 * All rows one cluster-day of activity produces. A few rows (scans and
 * alerts of queries running past midnight) carry a timestamp on the next day;
 * the writer files them under that day's partition.
 */
export function generateClusterDay(ctx: ClusterContext, day: string, dayIndex: number): ClusterDayRows {
  const activity = simulateClusterDay(ctx, day, dayIndex);
  const { seed } = ctx.options;
  const id = ctx.cluster.id;
  const scanRng = createRng(seed, id, day, 'stl_scan');
  const alertRng = createRng(seed, id, day, 'stl_alert_event_log');
  const out = emptyRows();
  for (const q of activity.queries) {
    out.stl_query.push(queryRow(q));
    out.stl_querytext.push(...queryTextRows(q));
    out.stl_explain.push(...explainRows(q));
    const wlm = wlmRow(q);
    if (wlm) out.stl_wlm_query.push(wlm);
    const { scans, alerts } = scanAndAlertRows(scanRng, alertRng, q, ctx.cluster.slices);
    out.stl_scan.push(...scans);
    out.stl_alert_event_log.push(...alerts);
  }
  for (const e of activity.textEvents) out[e.table].push(...statementTextRows(e));
  return out;
}

/** Row counts per table. */
export function countRows(rows: ClusterDayRows): Record<TableName, number> {
  const counts = {} as Record<TableName, number>;
  for (const t of TABLE_NAMES) counts[t] = rows[t].length;
  return counts;
}
