import { scopeParameters } from '../parameters';
import { scope } from '../scope';
import type { LibraryQuery } from '../types';

/** Question 2, second half: the daily trend with percentiles. */
export const dailyTrend: LibraryQuery = {
  id: 'daily-trend',
  title: 'Daily query count and duration trend (p50/p95)',
  question: 2,
  description:
    'User queries per cluster, database and day with median (p50), p95, average and maximum runtime in seconds. ' +
    'A p95 that climbs while the count stays flat points at data growth or a plan regression: open "Top statements" ' +
    'for that cluster and day. A count that jumps points at a new workload.',
  tables: ['stl_query'],
  parameters: scopeParameters,
  sql: `-- Grouped by the padded database name and trimmed once per group: trimming every query's padding is slow in
-- the browser's engine. Redshift pads a CHAR to its full width, so each name has one padded form.
WITH queries AS (
  SELECT clusterid, database, startdate, aborted,
         date_diff('microsecond', starttime, endtime) / 1e6 AS seconds
  FROM stl_query
  WHERE ${scope()}
    AND userid > 1
),
daily AS (
  SELECT clusterid, database, startdate AS day,
         count(*) AS queries,
         round(quantile_cont(seconds, 0.5), 3) AS p50_s,
         round(quantile_cont(seconds, 0.95), 3) AS p95_s,
         round(avg(seconds), 3) AS avg_s,
         round(max(seconds), 3) AS max_s,
         round(sum(seconds), 3) AS total_s,
         count(*) FILTER (WHERE aborted = 1) AS aborted
  FROM queries
  GROUP BY clusterid, database, startdate
)
SELECT clusterid, trim(database) AS database, day, queries, p50_s, p95_s, avg_s, max_s, total_s, aborted
FROM daily
ORDER BY clusterid, database, day`,
};
