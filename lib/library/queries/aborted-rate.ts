import { scopeParameters } from '../parameters';
import { scope } from '../scope';
import type { LibraryQuery } from '../types';

/** Question 10. */
export const abortedRate: LibraryQuery = {
  id: 'aborted-rate',
  title: 'Aborted-query rate per cluster and day',
  question: 10,
  description:
    'User queries per cluster and day, how many were aborted (cancelled by the user, a timeout or a WLM rule) and the ' +
    'rate, the seconds they ran before being stopped, and the queries WLM evicted that day. A rising rate points at ' +
    'timeouts or query monitoring rules that are too tight, or at users cancelling slow dashboards: look at that day in ' +
    '"Top statements", where aborted runs are counted per statement.',
  tables: ['stl_query', 'stl_wlm_query'],
  parameters: scopeParameters,
  sql: `WITH daily AS (
  SELECT clusterid, startdate,
         count(*) AS queries,
         count(*) FILTER (WHERE aborted = 1) AS aborted,
         coalesce(sum(date_diff('microsecond', starttime, endtime)) FILTER (WHERE aborted = 1), 0) AS aborted_us
  FROM stl_query
  WHERE ${scope()}
    AND userid > 1
  GROUP BY clusterid, startdate
),
evictions AS (
  SELECT clusterid, startdate, count(*) AS evicted
  FROM stl_wlm_query
  WHERE ${scope()}
    AND trim(final_state) = 'Evicted'
  GROUP BY clusterid, startdate
)
SELECT d.clusterid, d.startdate AS day, d.queries, d.aborted,
       round(100 * d.aborted::DOUBLE / d.queries, 2) AS aborted_pct,
       round(d.aborted_us / 1e6, 3) AS aborted_s,
       coalesce(e.evicted, 0) AS evicted
FROM daily d
LEFT JOIN evictions e ON e.clusterid = d.clusterid AND e.startdate = d.startdate
ORDER BY d.clusterid, day`,
};
