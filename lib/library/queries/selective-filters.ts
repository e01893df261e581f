import { numberParameter, scopeParameters } from '../parameters';
import { scope } from '../scope';
import type { LibraryQuery } from '../types';

/**
 * Question 9, second half. Selectivity is per query and table: rows returned
 * over rows that reached the user's filter, so deleted rows do not count.
 */
export const selectiveFilters: LibraryQuery = {
  id: 'selective-filters',
  title: 'Very selective filters (sort key candidates)',
  question: 9,
  description:
    'Tables scanned with very selective filters: per cluster and table, the queries whose scans kept fewer than ' +
    'the chosen share (max_selectivity, default 0.05 = 5%) of the rows that reached the filter, their median selectivity, rows read and ' +
    'scan minutes, and the latest such query with its text (ciphertext, for decryption). Such scans read whole blocks ' +
    "to keep a few rows: put the filtered column first in the table's sort key so Redshift can skip blocks.",
  tables: ['stl_scan', 'stl_query'],
  parameters: (context) => [...scopeParameters(context), numberParameter('max_selectivity', 'Max selectivity (0-1)', 0.05)],
  sql: `-- Grouped by the padded table name and materialised: the scans are grouped once although two parts below
-- read them, and only the selective ones get trimmed. Redshift pads a CHAR to its full width, so each name
-- has one padded form.
WITH per_query AS MATERIALIZED (
  SELECT clusterid, query, perm_table_name,
         sum(rows) AS rows_returned,
         sum(rows_pre_user_filter) AS rows_filtered,
         sum(date_diff('microsecond', starttime, endtime)) AS scan_us
  FROM stl_scan
  WHERE ${scope()}
    AND type = 2
  GROUP BY clusterid, query, perm_table_name
  HAVING sum(rows_pre_user_filter) > 0
     AND sum(rows)::DOUBLE / sum(rows_pre_user_filter) < {{max_selectivity}}
),
selective AS (
  SELECT clusterid, query, trim(perm_table_name) AS table_name, rows_returned, rows_filtered, scan_us,
         rows_returned::DOUBLE / rows_filtered AS selectivity
  FROM per_query
),
queries AS (
  SELECT clusterid, query, starttime, querytxt
  FROM stl_query
  WHERE ${scope()}
),
latest AS (
  SELECT s.clusterid, s.table_name, s.query AS latest_query, q.querytxt AS latest_querytxt
  FROM selective s
  LEFT JOIN queries q ON q.clusterid = s.clusterid AND q.query = s.query
  QUALIFY row_number() OVER (PARTITION BY s.clusterid, s.table_name ORDER BY q.starttime DESC NULLS LAST, s.query DESC) = 1
)
SELECT s.clusterid, s.table_name,
       count(*) AS selective_queries,
       round(100 * median(s.selectivity), 4) AS median_selectivity_pct,
       sum(s.rows_filtered) AS rows_read,
       sum(s.rows_returned) AS rows_returned,
       round(sum(s.scan_us) / 6e7, 3) AS scan_minutes,
       any_value(l.latest_query) AS latest_query,
       any_value(l.latest_querytxt) AS latest_querytxt
FROM selective s
JOIN latest l ON l.clusterid = s.clusterid AND l.table_name = s.table_name
GROUP BY s.clusterid, s.table_name
ORDER BY selective_queries DESC, s.clusterid, s.table_name`,
};
