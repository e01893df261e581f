import { scopeParameters } from '../parameters';
import { scope } from '../scope';
import { serviceClassKind } from './service-class';
import type { LibraryQuery } from '../types';

/**
 * Question 8. The high-water mark is the peak of a running sum over start (+)
 * and end (-) events; at equal times ends count first, so a query that starts
 * as another ends does not look concurrent with it.
 */
export const wlmSlotHighWater: LibraryQuery = {
  id: 'wlm-slot-high-water',
  title: 'WLM slot high-water mark per queue',
  question: 8,
  description:
    'Per cluster and WLM service class: the most slots in use at once (the sum of slot_count of queries executing ' +
    'together) and when that peak was first reached, the most queries waiting in the queue at once, the largest single ' +
    "slot_count and the query count. A peak equal to the queue's configured slots together with queued queries means " +
    'the queue is saturated: add slots, or move work to another queue. A peak well below the configured slots means ' +
    'memory is reserved for slots that are never used. Queries that started before the range are not counted.',
  tables: ['stl_wlm_query'],
  parameters: scopeParameters,
  sql: `-- One scan: each query becomes four events (exec start/end, queue start/end) through zipped unnests.
WITH events AS (
  SELECT clusterid, service_class,
         unnest([exec_start_time, exec_end_time, queue_start_time, queue_end_time]) AS event_at,
         unnest([slot_count, -slot_count, 0, 0]) AS slots,
         unnest(CASE WHEN total_queue_time > 0 THEN [0, 0, 1, -1] ELSE [0, 0, 0, 0] END) AS waiting
  FROM stl_wlm_query
  WHERE ${scope()}
    AND exec_start_time IS NOT NULL AND exec_end_time IS NOT NULL
),
levels AS (
  SELECT clusterid, service_class, event_at, slots,
         (sum(slots) OVER running)::INTEGER AS slots_in_use,
         (sum(waiting) OVER running)::INTEGER AS queries_waiting
  FROM events
  WINDOW running AS (PARTITION BY clusterid, service_class ORDER BY event_at, sign(slots) + sign(waiting)
                     ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
),
peaks AS (
  SELECT *, max(slots_in_use) OVER (PARTITION BY clusterid, service_class) AS peak
  FROM levels
)
SELECT clusterid, service_class,
       ${serviceClassKind('service_class')} AS queue_kind,
       max(slots_in_use) AS max_slots_in_use,
       min(event_at) FILTER (WHERE slots_in_use = peak) AS first_peak_at,
       max(queries_waiting) AS max_queries_waiting,
       max(slots) AS max_slot_count,
       count(*) FILTER (WHERE slots > 0) AS queries
FROM peaks
GROUP BY clusterid, service_class
ORDER BY clusterid, service_class`,
};
