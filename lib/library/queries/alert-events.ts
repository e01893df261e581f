import { scopeParameters } from '../parameters';
import { scope } from '../scope';
import type { LibraryQuery } from '../types';

/** Question 3. The category is the event text before ':', as Redshift's own tools split it. */
export const alertEvents: LibraryQuery = {
  id: 'alert-events',
  title: 'Key alert events per cluster',
  question: 3,
  description:
    "Alert categories from stl_alert_event_log per cluster, with Redshift's suggested solution, the number of queries " +
    'affected, the alert rows (one per slice), the runtime of the affected queries and when the alert was first and last ' +
    'seen. Work down the list by affected runtime: apply the solution (ANALYZE, VACUUM, distribution or sort key ' +
    'changes), then check that "last seen" stops moving. "Alerts by table" shows which tables to fix.',
  tables: ['stl_alert_event_log', 'stl_query'],
  parameters: scopeParameters,
  sql: `-- The padded CHAR(1024) event is cut at its first colon before it is trimmed, and the solution (a handful of
-- values) is trimmed once grouped: trimming the padding of every alert row is most of the work in the browser.
-- Alerts are grouped per query first, so each query's runtime is counted once however many alert rows it has.
WITH per_query AS (
  SELECT clusterid, query, trim(split_part(event, ':', 1)) AS category, solution,
         count(*) AS alert_rows,
         min(event_time) AS first_seen,
         max(event_time) AS last_seen
  FROM stl_alert_event_log
  WHERE ${scope()}
    AND userid > 1
  GROUP BY clusterid, query, category, solution
),
-- A query that ran past midnight has its alerts in the next day's partition, so the join leaves startdate out.
with_runtime AS (
  SELECT a.*, date_diff('microsecond', q.starttime, q.endtime) / 1e6 AS seconds
  FROM per_query a
  LEFT JOIN (SELECT clusterid, query, starttime, endtime FROM stl_query WHERE ${scope()}) q
    ON q.clusterid = a.clusterid AND q.query = a.query
)
SELECT clusterid, category, trim(solution) AS solution,
       count(DISTINCT query) AS queries_affected,
       sum(alert_rows) AS alert_rows,
       round(sum(seconds), 3) AS affected_query_s,
       min(first_seen) AS first_seen,
       max(last_seen) AS last_seen
FROM with_runtime
GROUP BY clusterid, category, solution
ORDER BY clusterid, queries_affected DESC, category, solution`,
};
