import { numberParameter, scopeParameters } from '../parameters';
import { scope } from '../scope';
import { serviceClassKind } from './service-class';
import type { LibraryQuery } from '../types';

/** Question 7, second half: the individual queries that waited longest. */
export const longestQueueWaits: LibraryQuery = {
  id: 'longest-queue-waits',
  title: 'Longest WLM queue waits',
  question: 7,
  description:
    'The queries that waited longest in a WLM queue before running, with their service class, queue and execution ' +
    'seconds, final state, slots, user, label, database and query text (ciphertext, for decryption). Waits that cluster ' +
    'in one queue and hour mean that queue is short of slots then; waits behind few long queries suggest moving those ' +
    'to their own queue.',
  tables: ['stl_wlm_query', 'stl_query'],
  parameters: (context) => [...scopeParameters(context), numberParameter('limit', 'Rows', 100)],
  sql: `-- The longest waits are picked first: only those rows are joined to their queries and have their padded
-- CHARs trimmed.
WITH waits AS (
  SELECT clusterid, query, service_class, queue_start_time, total_queue_time, total_exec_time, slot_count, final_state
  FROM stl_wlm_query
  WHERE ${scope()}
    AND total_queue_time > 0
  ORDER BY total_queue_time DESC, clusterid, query
  LIMIT {{limit}}
),
queries AS (
  SELECT clusterid, query, userid, label, database, querytxt
  FROM stl_query
  WHERE ${scope()}
)
SELECT w.clusterid, w.query, w.service_class,
       ${serviceClassKind('w.service_class')} AS queue_kind,
       w.queue_start_time,
       round(w.total_queue_time / 1e6, 3) AS queue_s,
       round(w.total_exec_time / 1e6, 3) AS exec_s,
       trim(w.final_state) AS final_state, w.slot_count,
       q.userid, trim(q.label) AS label, trim(q.database) AS database, q.querytxt
FROM waits w
LEFT JOIN queries q ON q.clusterid = w.clusterid AND q.query = w.query
ORDER BY w.total_queue_time DESC, w.clusterid, w.query`,
};
