/**
 * The dashboards ClusterScope ships with. They are stored under fixed ids the
 * first time anyone lists or opens them, so the console can link to them. They
 * are read-only for everyone (see `lib/store/ownership.ts`): "Duplicate" makes
 * an editable copy owned by the user.
 * Their SQL comes from the diagnostic library where it fits, and every query
 * filters every table on `{{clusters}}` and `{{days}}` so partitions are pruned.
 */
import type { ChartConfigInput } from '../charts/config';
import { withoutTrailingSemicolon } from '../engine/sql-text';
import { abortedRate } from '../library/queries/aborted-rate';
import { alertEvents } from '../library/queries/alert-events';
import { alertsByTable } from '../library/queries/alerts-by-table';
import { hourlyQueryCount } from '../library/queries/hourly-query-count';
import { missingStatistics } from '../library/queries/missing-statistics';
import { nestedLoopJoins } from '../library/queries/nested-loop-joins';
import { selectiveFilters } from '../library/queries/selective-filters';
import { scope } from '../library/scope';
import type { DashboardInput, DashboardTileInput, TileLayout } from './schema';

export const FLEET_OVERVIEW_ID = 'fleet-overview';
export const ALERTS_HEALTH_ID = 'alerts-table-health';

function tile(id: string, title: string, layout: TileLayout, sql: string, chart: ChartConfigInput): DashboardTileInput {
  return { id, title, layout, source: { kind: 'sql', sql }, chart };
}

const queriesByCluster = `SELECT clusterid, count(*) AS queries
FROM stl_query
WHERE ${scope()}
GROUP BY clusterid
ORDER BY clusterid`;

const queriesPerDay = `SELECT startdate AS day, clusterid, count(*) AS queries
FROM stl_query
WHERE ${scope()}
GROUP BY startdate, clusterid
ORDER BY day, clusterid`;

const queueVsExec = `SELECT service_class::VARCHAR AS service_class,
       count(*) AS queries,
       round(sum(total_queue_time) / 1e6, 3) AS queue_s,
       round(sum(total_exec_time) / 1e6, 3) AS exec_s
FROM stl_wlm_query
WHERE ${scope()}
GROUP BY service_class
ORDER BY service_class`;

// The ten rows are picked before the padded CHARs are trimmed: ten trims instead of one per query.
const slowestStatements = `WITH slowest AS (
  SELECT clusterid, query, starttime,
         round(date_diff('microsecond', starttime, endtime) / 1e6, 3) AS seconds,
         userid, database, label, aborted
  FROM stl_query
  WHERE ${scope()}
    AND userid > 1
  ORDER BY seconds DESC, clusterid, query
  LIMIT 10
)
SELECT clusterid, query, starttime, seconds, userid, trim(database) AS database, trim(label) AS label, aborted
FROM slowest
ORDER BY seconds DESC, clusterid, query`;

// The padded CHAR(1024) event is cut at its first colon before it is trimmed: far cheaper in the browser's engine.
const alertCategories = `SELECT trim(split_part(event, ':', 1)) AS category, count(DISTINCT query) AS queries
FROM stl_alert_event_log
WHERE ${scope()}
  AND userid > 1
GROUP BY category
ORDER BY queries DESC, category`;

const ghostRows = `-- Grouped by the padded name and materialised first: the trims and name filters below then run once per
-- table, not once per scan row.
WITH per_name AS MATERIALIZED (
  SELECT clusterid, perm_table_name,
         sum(rows_pre_filter - rows_pre_user_filter) AS ghost_rows,
         sum(rows_pre_filter) AS rows_read
  FROM stl_scan
  WHERE ${scope()}
    AND type = 2
  GROUP BY clusterid, perm_table_name
),
tables AS (
  SELECT clusterid, trim(perm_table_name) AS table_name, ghost_rows, rows_read
  FROM per_name
)
SELECT clusterid, table_name, ghost_rows,
       round(100 * ghost_rows::DOUBLE / nullif(rows_read, 0), 2) AS ghost_pct,
       'VACUUM DELETE ONLY ' || table_name || ';' AS action
FROM tables
WHERE ghost_rows > 0
  AND NOT starts_with(table_name, 'volt_tt_')
  AND table_name NOT IN ('Internal Worktable', 'S3')
ORDER BY ghost_rows DESC, clusterid, table_name
LIMIT 25`;

const table: ChartConfigInput = { type: 'table' };

/** Fleet overview: load, aborts, alerts, queueing and the slowest statements. */
export const fleetOverview: DashboardInput = {
  name: 'Fleet overview',
  description: 'Load per cluster, aborted queries, key alerts, WLM queueing and the slowest statements.',
  filters: { defaultDays: 7, parameters: [] },
  tiles: [
    tile('hourly', 'Hourly query count per cluster', { x: 0, y: 0, w: 8, h: 8 }, hourlyQueryCount.sql, {
      type: 'line',
      x: 'hour',
      measures: ['queries'],
      series: 'clusterid',
    }),
    tile('by-cluster', 'Queries by cluster', { x: 8, y: 0, w: 4, h: 8 }, queriesByCluster, { type: 'bar', x: 'clusterid', measures: ['queries'] }),
    tile('daily', 'Queries per day per cluster', { x: 0, y: 8, w: 6, h: 8 }, queriesPerDay, {
      type: 'bar',
      x: 'day',
      measures: ['queries'],
      series: 'clusterid',
      stacked: true,
    }),
    tile('aborted', 'Aborted-query rate (%)', { x: 6, y: 8, w: 6, h: 8 }, abortedRate.sql, {
      type: 'line',
      x: 'day',
      measures: ['aborted_pct'],
      series: 'clusterid',
      format: 'number',
    }),
    tile('queue-exec', 'WLM queue time vs execution time per service class', { x: 0, y: 16, w: 6, h: 8 }, queueVsExec, {
      type: 'bar',
      x: 'service_class',
      measures: ['queue_s', 'exec_s'],
      format: 'duration-s',
    }),
    tile('alerts', 'Top alert events with solutions', { x: 6, y: 16, w: 6, h: 8 }, alertEvents.sql, table),
    tile('slowest', 'The 10 slowest statements', { x: 0, y: 24, w: 12, h: 7 }, slowestStatements, table),
  ],
};

/** Alerts & table health: where alerts land and which tables need ANALYZE, VACUUM or a sort key. */
export const alertsAndTableHealth: DashboardInput = {
  name: 'Alerts & table health',
  description: 'Alerts by table and category, missing statistics, ghost rows, very selective filters and nested loops.',
  filters: { defaultDays: 7, parameters: [{ name: 'max_selectivity', type: 'number', label: 'Max selectivity (0-1)', default: 0.05 }] },
  tiles: [
    tile('categories', 'Alerts by category', { x: 0, y: 0, w: 4, h: 8 }, alertCategories, { type: 'pie', x: 'category', measures: ['queries'], donut: true }),
    tile('by-table', 'Alerts by table and category', { x: 4, y: 0, w: 8, h: 8 }, alertsByTable.sql, table),
    tile('missing-stats', 'Tables with missing statistics', { x: 0, y: 8, w: 6, h: 7 }, missingStatistics.sql, table),
    tile('ghost-rows', 'Ghost rows (tables to VACUUM)', { x: 6, y: 8, w: 6, h: 7 }, ghostRows, {
      type: 'bar',
      x: 'table_name',
      measures: ['ghost_rows'],
      horizontal: true,
    }),
    tile('selective', 'Very selective filters (sort key candidates)', { x: 0, y: 15, w: 12, h: 7 }, selectiveFilters.sql, table),
    tile('nested-loops', 'Nested-loop queries', { x: 0, y: 22, w: 12, h: 7 }, nestedLoopJoins.sql, table),
  ],
};

/** The shipped dashboards by their fixed ids. */
export const SHIPPED_DASHBOARDS: ReadonlyMap<string, DashboardInput> = new Map([
  [FLEET_OVERVIEW_ID, fleetOverview],
  [ALERTS_HEALTH_ID, alertsAndTableHealth],
]);

const SHIPPED_TILE_SQL: ReadonlySet<string> = new Set(
  [...SHIPPED_DASHBOARDS.values()].flatMap((dashboard) =>
    (dashboard.tiles ?? []).flatMap((tile) => (tile.source.kind === 'sql' ? [withoutTrailingSemicolon(tile.source.sql)] : [])),
  ),
);

/**
 * True when `sql` is a shipped tile's SQL, unchanged (before its filters are
 * bound). Every table reference in those carries the dashboard's cluster and
 * day filter (`scope()`), so the engine may read only the files that filter
 * selects; any other tile's SQL gets every file of its tables.
 */
export function isShippedTileSql(sql: string): boolean {
  return SHIPPED_TILE_SQL.has(withoutTrailingSemicolon(sql));
}
