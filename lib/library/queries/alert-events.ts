import { scopeParameters } from '../parameters';
import { scope } from '../scope';
import type { LibraryQuery } from '../types';

/** Question 3. The category is the event text before ':', as Redshift's own tools split it. */
export const alertEvents: LibraryQuery = {
  id: 'alert-events',
  title: 'Key alert events per cluster',
  question: 3,
  description:
    'Alert categories from stl_alert_event_log per cluster, with Redshift\'s suggested solution, the number of queries ' +
    'affected, the alert rows (one per slice), the runtime of the affected queries and when the alert was first and last ' +
    'seen. Work down the list by affected runtime: apply the solution (ANALYZE, VACUUM, distribution or sort key ' +
    'changes), then check that "last seen" stops moving. "Alerts by table" shows which tables to fix.',
  tables: ['stl_alert_event_log', 'stl_query'],
  parameters: scopeParameters,
  sql: `WITH alerts AS (
  SELECT clusterid, query, event_time,
         trim(split_part(trim(event), ':', 1)) AS category,
         trim(solution) AS solution
  FROM stl_alert_event_log
  WHERE ${scope()}
    AND userid > 1
),
-- A query that ran past midnight has its alerts in the next day's partition, so the join leaves startdate out.
affected AS (
  SELECT DISTINCT a.clusterid, a.category, a.solution, a.query,
         date_diff('microsecond', q.starttime, q.endtime) / 1e6 AS seconds
  FROM alerts a
  LEFT JOIN (SELECT clusterid, query, starttime, endtime FROM stl_query WHERE ${scope()}) q
    ON q.clusterid = a.clusterid AND q.query = a.query
),
runtime AS (
  SELECT clusterid, category, solution, round(sum(seconds), 3) AS affected_query_s
  FROM affected
  GROUP BY clusterid, category, solution
)
SELECT a.clusterid, a.category, a.solution,
       count(DISTINCT a.query) AS queries_affected,
       count(*) AS alert_rows,
       any_value(r.affected_query_s) AS affected_query_s,
       min(a.event_time) AS first_seen,
       max(a.event_time) AS last_seen
FROM alerts a
JOIN runtime r ON r.clusterid = a.clusterid AND r.category = a.category AND r.solution = a.solution
GROUP BY a.clusterid, a.category, a.solution
ORDER BY a.clusterid, queries_affected DESC, a.category, a.solution`,
};
