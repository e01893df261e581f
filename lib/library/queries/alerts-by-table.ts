import { scopeParameters } from '../parameters';
import { scope } from '../scope';
import type { LibraryQuery } from '../types';

/** Question 4. Alert rows point at a step; stl_scan says which table that step read. */
export const alertsByTable: LibraryQuery = {
  id: 'alerts-by-table',
  title: 'Alerts by table',
  question: 4,
  description:
    'Minutes spent in alerted scan steps and alert counts per cluster, table and alert category. Alerts are joined to ' +
    'stl_scan on cluster, query, slice, segment and step, so each alert lands on the table its step read; alerts on ' +
    'steps that are not scans (joins, aggregations) show as "(not a scan step)". Fix the tables at the top first: ' +
    'ANALYZE for missing statistics, VACUUM for deleted rows, a new distribution key for broadcasts and redistribution, ' +
    'a sort key for very selective filters.',
  tables: ['stl_alert_event_log', 'stl_scan'],
  parameters: scopeParameters,
  sql: `-- The padded CHAR(1024) event is cut at its first colon before it is trimmed; table names and solutions are
-- trimmed once grouped. Trimming the padding of every row is most of the work in the browser.
WITH alerts AS (
  SELECT clusterid, query, slice, segment, step, event_time,
         trim(split_part(event, ':', 1)) AS category,
         solution
  FROM stl_alert_event_log
  WHERE ${scope()}
    AND userid > 1
),
scans AS (
  SELECT clusterid, query, slice, segment, step, starttime, endtime, rows, perm_table_name
  FROM stl_scan
  WHERE ${scope()}
),
-- Scans and alerts of one step can fall on different partition days, so startdate is not a join key.
per_table AS (
  SELECT a.clusterid, s.perm_table_name, a.category, a.solution,
         round(coalesce(sum(date_diff('microsecond', s.starttime, s.endtime)), 0) / 6e7, 3) AS minutes,
         count(DISTINCT a.query) AS queries,
         count(*) AS alert_rows,
         coalesce(sum(s.rows), 0) AS rows_scanned,
         max(a.event_time) AS last_seen
  FROM alerts a
  LEFT JOIN scans s
    ON s.clusterid = a.clusterid AND s.query = a.query AND s.slice = a.slice
   AND s.segment = a.segment AND s.step = a.step
  GROUP BY a.clusterid, s.perm_table_name, a.category, a.solution
)
SELECT clusterid, coalesce(trim(perm_table_name), '(not a scan step)') AS table_name,
       category, trim(solution) AS solution, minutes, queries, alert_rows, rows_scanned, last_seen
FROM per_table
ORDER BY minutes DESC, clusterid, table_name, category, solution`,
};
