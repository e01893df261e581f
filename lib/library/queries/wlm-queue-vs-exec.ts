import { scopeParameters } from '../parameters';
import { scope } from '../scope';
import { serviceClassKind } from './service-class';
import type { LibraryQuery } from '../types';

/** Question 7, first half: queue wait against execution per queue and hour. */
export const wlmQueueVsExec: LibraryQuery = {
  id: 'wlm-queue-vs-exec',
  title: 'WLM queue wait vs execution per service class and hour',
  question: 7,
  description:
    'Per cluster, WLM service class and hour (by queue start, UTC): queries, how many waited, total queue and execution ' +
    'seconds, the share of time spent queued and the longest wait. A queue that is queued more than a few percent of ' +
    'the time at peak hours needs more slots or memory, concurrency scaling, or short query acceleration for its small ' +
    'queries; "Longest queue waits" lists the queries behind it.',
  tables: ['stl_wlm_query'],
  parameters: scopeParameters,
  sql: `SELECT clusterid, service_class,
       ${serviceClassKind('service_class')} AS queue_kind,
       date_trunc('hour', queue_start_time) AS hour,
       count(*) AS queries,
       count(*) FILTER (WHERE total_queue_time > 0) AS queued_queries,
       round(sum(total_queue_time) / 1e6, 3) AS queue_s,
       round(sum(total_exec_time) / 1e6, 3) AS exec_s,
       round(100 * sum(total_queue_time)::DOUBLE / nullif(sum(total_queue_time + total_exec_time), 0), 2) AS pct_time_queued,
       round(max(total_queue_time) / 1e6, 3) AS max_queue_s
FROM stl_wlm_query
WHERE ${scope()}
GROUP BY clusterid, service_class, date_trunc('hour', queue_start_time)
ORDER BY clusterid, service_class, hour`,
};
