import { scope } from '../../library/scope';
import { QUERY_TIMES, findingsFrom, num } from '../finding-sql';
import { vacuumDeleteOnlyStatement } from '../redshift-sql';
import type { AdvisorRule } from '../types';

/**
 * Scans that read many deleted-but-not-vacuumed rows: stl_scan's
 * rows_pre_filter − rows_pre_user_filter are the ghost rows a scan stepped over.
 */
export const ghostRows: AdvisorRule = {
  kind: 'ghost-rows',
  title: 'Ghost rows scanned',
  description:
    'Permanent-table scans (stl_scan type 2) where deleted rows not yet vacuumed (rows_pre_filter − ' +
    'rows_pre_user_filter) are a large share of the rows read. Impact: the execution time of the queries that read ' +
    'them. Run VACUUM DELETE ONLY on the table, or check why auto-vacuum does not keep up.',
  tables: ['stl_scan', 'stl_query'],
  thresholds: {
    min_ghost_share: { value: 0.1, description: 'ghost rows as a share of the rows a query read from the table, at least' },
    min_ghost_rows: { value: 100_000, description: 'ghost rows one query stepped over, at least' },
  },
  sql: (t) =>
    findingsFrom(`${QUERY_TIMES},
per_query AS MATERIALIZED (
  SELECT clusterid, query, perm_table_name,
         sum(rows_pre_filter - rows_pre_user_filter) AS ghost, sum(rows_pre_filter) AS read
  FROM stl_scan
  WHERE ${scope()}
    AND type = 2
  GROUP BY clusterid, query, perm_table_name
  HAVING sum(rows_pre_filter - rows_pre_user_filter) >= ${num(t.min_ghost_rows)}
     AND sum(rows_pre_filter - rows_pre_user_filter) >= ${num(t.min_ghost_share)} * sum(rows_pre_filter)
),
affected AS (
  SELECT p.clusterid, trim(p.perm_table_name) AS subject, p.query, q.day, q.starttime, q.us,
         'up to ' || round(100 * max(p.ghost::DOUBLE / p.read) OVER (PARTITION BY p.clusterid, p.perm_table_name), 1)
           || '% of the rows read were deleted rows (' || max(p.ghost) OVER (PARTITION BY p.clusterid, p.perm_table_name)
           || ' in one query)' AS evidence,
         '' AS detail
  FROM per_query p
  JOIN query_times q ON q.clusterid = p.clusterid AND q.query = p.query
  -- Worktables, Spectrum and temporary tables cannot be vacuumed.
  WHERE p.perm_table_name NOT LIKE 'volt_tt_%' AND trim(p.perm_table_name) NOT IN ('Internal Worktable', 'S3')
)`),
  action: (row) => ({ kind: 'sql', statement: vacuumDeleteOnlyStatement(row.subject) }),
  confidence: (row) =>
    row.queries >= 5
      ? { level: 'high', note: 'Many scans read the deleted rows; the counts come from the scans themselves.' }
      : { level: 'medium', note: 'Few scans in the window; a longer window shows whether the deleted rows keep growing.' },
};
