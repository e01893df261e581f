import { scopeParameters } from '../parameters';
import { scope } from '../scope';
import type { LibraryQuery } from '../types';

/** Question 9, first half: how often each table is scanned and how many deleted rows it drags along. */
export const tableScans: LibraryQuery = {
  id: 'table-scans',
  title: 'Table scan frequency and ghost rows',
  question: 9,
  description:
    'Per cluster and permanent table (stl_scan type 2, without temporary volt_tt_ tables and internal worktables): ' +
    'the queries that scanned it, scan steps, rows returned, rows read and ghost rows (rows_pre_filter minus ' +
    'rows_pre_user_filter: deleted rows not yet vacuumed) with their share of rows read. Run VACUUM DELETE ONLY on ' +
    'tables with a high ghost share, most-scanned first; the most-scanned tables are also the ones where sort and ' +
    'distribution keys pay off most.',
  tables: ['stl_scan'],
  parameters: scopeParameters,
  sql: `-- Grouped by the padded name and materialised first, so the trims and name filters below run once per
-- table, not once per scan row (DuckDB would push them down to the scan). Redshift pads a CHAR to its
-- full width, so each name has one padded form.
WITH per_name AS MATERIALIZED (
  SELECT clusterid, perm_table_name,
         count(DISTINCT query) AS queries,
         count(*) AS scan_steps,
         sum(rows) AS rows_returned,
         sum(rows_pre_filter) AS rows_read,
         sum(rows_pre_filter - rows_pre_user_filter) AS ghost_rows
  FROM stl_scan
  WHERE ${scope()}
    AND type = 2
  GROUP BY clusterid, perm_table_name
),
tables AS (
  SELECT * EXCLUDE (perm_table_name), trim(perm_table_name) AS table_name
  FROM per_name
)
SELECT clusterid, table_name, queries, scan_steps, rows_returned, rows_read, ghost_rows,
       round(100 * ghost_rows::DOUBLE / nullif(rows_read, 0), 2) AS ghost_pct,
       CASE WHEN ghost_rows > 0.1 * rows_read THEN 'VACUUM DELETE ONLY ' || table_name || ';' ELSE '' END AS action
FROM tables
WHERE NOT starts_with(table_name, 'volt_tt_')
  AND table_name NOT IN ('Internal Worktable', 'S3')
ORDER BY queries DESC, clusterid, table_name`,
};
