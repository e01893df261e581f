/** The built-in queries, in the order of the questions they answer. */
import { abortedRate } from './queries/aborted-rate';
import { alertEvents } from './queries/alert-events';
import { alertsByTable } from './queries/alerts-by-table';
import { clusterRestarts } from './queries/cluster-restarts';
import { dailyTrend } from './queries/daily-trend';
import { ddlUtilityAudit } from './queries/ddl-utility-audit';
import { hourlyQueryCount } from './queries/hourly-query-count';
import { longestQueueWaits } from './queries/longest-queue-waits';
import { missingStatistics } from './queries/missing-statistics';
import { nestedLoopJoins } from './queries/nested-loop-joins';
import { selectiveFilters } from './queries/selective-filters';
import { tableScans } from './queries/table-scans';
import { topStatements } from './queries/top-statements';
import { wlmQueueVsExec } from './queries/wlm-queue-vs-exec';
import { wlmSlotHighWater } from './queries/wlm-slot-high-water';
import type { LibraryQuery } from './types';
import { withoutTrailingSemicolon } from '../engine/sql-text';

/** Every built-in diagnostic query. */
export const LIBRARY: readonly LibraryQuery[] = [
  topStatements,
  hourlyQueryCount,
  dailyTrend,
  alertEvents,
  alertsByTable,
  nestedLoopJoins,
  missingStatistics,
  wlmQueueVsExec,
  longestQueueWaits,
  wlmSlotHighWater,
  tableScans,
  selectiveFilters,
  abortedRate,
  ddlUtilityAudit,
  clusterRestarts,
];

/** The built-in query with this id, if any. */
export function findLibraryQuery(id: string): LibraryQuery | undefined {
  return LIBRARY.find((entry) => entry.id === id);
}

const LIBRARY_SQL: ReadonlySet<string> = new Set(LIBRARY.map((entry) => withoutTrailingSemicolon(entry.sql)));

/**
 * True when `sql` is a built-in query's text, unchanged (before its parameters
 * are bound). Every table reference in those carries the same constant
 * partition filter (`scope()`), so the engine may register only the files that
 * filter matches; an edited query gets every file of its tables.
 */
export function isUnchangedLibraryQuery(sql: string): boolean {
  return LIBRARY_SQL.has(withoutTrailingSemicolon(sql));
}
