/**
 * stl_scan rows (one per query, slice and scan segment, plus leader rows on
 * slice 10000) and the stl_alert_event_log rows that point at them.
 */

import { alertEvent, alertSolution } from '../alerts';
import type { Rng } from '../random';
import type { ScanStep } from '../scan-steps';
import { LEADER_SLICE, SCAN_TYPE } from '../scan-steps';
import type { StlAlertEventLogRow, StlScanRow, TimedRow } from '../types';
import type { QueryExecution } from '../workload';

/** The stl_scan and stl_alert_event_log rows of one execution. */
export interface ScanAndAlertRows {
  scans: Array<TimedRow<StlScanRow>>;
  alerts: Array<TimedRow<StlAlertEventLogRow>>;
}

function sliceRow(rng: Rng, q: QueryExecution, step: ScanStep, slice: number, slices: number, execStart: number, segments: number, growth: number): StlScanRow {
  const perSlice = step.leader ? step.rowsPreFilter : (step.rowsPreFilter / slices) * (0.85 + rng.next() * 0.3);
  const rowsPreFilter = Math.max(0, Math.round(perSlice * growth));
  const filtering = step.type !== SCAN_TYPE.network;
  const ghosts = filtering ? Math.min(rowsPreFilter, Math.round(rowsPreFilter * step.ghostShare * (0.8 + rng.next() * 0.4))) : 0;
  const rowsPreUserFilter = rowsPreFilter - ghosts;
  const rows = filtering ? Math.min(rowsPreUserFilter, Math.round(rowsPreUserFilter * step.selectivity * (0.7 + rng.next() * 0.6))) : rowsPreUserFilter;
  // Segments run roughly one after another within the execution window.
  const span = q.execMicros;
  const segStart = execStart + Math.floor((span * 0.7 * step.segment) / Math.max(1, segments));
  const start = segStart + rng.int(0, Math.max(0, Math.floor(span * 0.02)));
  const end = Math.min(execStart + span, start + Math.max(50, Math.floor(span * (0.2 + rng.next() * 0.25))));
  return {
    userid: q.userid,
    query: q.query,
    slice,
    segment: step.segment,
    step: 0,
    starttime: start,
    endtime: end,
    tasknum: rng.int(1, 24),
    rows,
    bytes: rows * step.width,
    fetches: step.type === SCAN_TYPE.permanent ? Math.ceil(rowsPreFilter / 65_536) : 0,
    type: step.type,
    tbl: step.tbl,
    is_rrscan: step.rangeRestricted ? 't' : 'f',
    is_delayed_scan: 'f',
    rows_pre_filter: rowsPreFilter,
    rows_pre_user_filter: rowsPreUserFilter,
    perm_table_name: step.permTableName,
    is_rlf_scan: 'f',
    is_rlf_scan_reason: 0,
    is_vectorized_scan: step.type === SCAN_TYPE.permanent ? 't' : 'f',
  };
}

/**
 * Scan rows of one execution, and its alert rows: one per compute slice of
 * the scan step the alert names, sharing that row's slice, segment and step.
 * Concurrency-scaled queries have no stl_scan rows, as in Redshift.
 */
export function scanAndAlertRows(scanRng: Rng, alertRng: Rng, q: QueryExecution, slices: number): ScanAndAlertRows {
  const out: ScanAndAlertRows = { scans: [], alerts: [] };
  const steps = q.statement?.steps ?? [];
  if (steps.length === 0 || q.concurrencyScaled || !q.queue) return out;
  const execStart = q.start + q.planMicros + q.queueMicros;
  const segments = Math.max(...steps.map((s) => s.segment)) + 1;
  // Tables grow and caches differ: the same statement never scans exactly the same rows twice.
  const growth = Math.exp(0.08 * scanRng.normal());
  const alertStep = q.alert ? steps[q.alert.stepIndex] : undefined;
  for (const step of steps) {
    const sliceList = step.leader ? [LEADER_SLICE] : Array.from({ length: slices }, (_, i) => i);
    for (const slice of sliceList) {
      const row = sliceRow(scanRng, q, step, slice, slices, execStart, segments, growth);
      out.scans.push({ at: row.starttime, row });
      if (q.alert && step === alertStep && !step.leader) {
        const eventTime = row.endtime - alertRng.int(0, Math.max(0, Math.floor((row.endtime - row.starttime) / 3)));
        out.alerts.push({
          at: eventTime,
          row: {
            userid: q.userid,
            query: q.query,
            slice,
            segment: row.segment,
            step: row.step,
            pid: q.pid,
            xid: q.xid,
            event: alertEvent(q.alert.kind, { rows: row.rows, rowsPreUserFilter: row.rows_pre_user_filter }),
            solution: alertSolution(q.alert.kind),
            event_time: eventTime,
          },
        });
      }
    }
  }
  return out;
}
