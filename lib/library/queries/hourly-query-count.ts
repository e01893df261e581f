import { scopeParameters } from '../parameters';
import { scope } from '../scope';
import type { LibraryQuery } from '../types';

/** Question 2, first half: load by hour. */
export const hourlyQueryCount: LibraryQuery = {
  id: 'hourly-query-count',
  title: 'Hourly query count per cluster',
  question: 2,
  description:
    'Queries started per cluster and hour (UTC), split into user and system (userid 1) queries, with aborted queries and ' +
    "the hour's total and average runtime. Chart it as a line per cluster to see the daily load shape: peaks that line " +
    'up with queue waits (see "WLM queue wait vs execution") are candidates for concurrency scaling or for moving ETL ' +
    'out of office hours.',
  tables: ['stl_query'],
  parameters: scopeParameters,
  sql: `SELECT clusterid,
       date_trunc('hour', starttime) AS hour,
       count(*) AS queries,
       count(*) FILTER (WHERE userid > 1) AS user_queries,
       count(*) FILTER (WHERE userid = 1) AS system_queries,
       count(*) FILTER (WHERE aborted = 1) AS aborted,
       round(sum(date_diff('microsecond', starttime, endtime)) / 1e6, 3) AS total_s,
       round(avg(date_diff('microsecond', starttime, endtime)) / 1e6, 3) AS avg_s
FROM stl_query
WHERE ${scope()}
GROUP BY clusterid, date_trunc('hour', starttime)
ORDER BY clusterid, hour`,
};
