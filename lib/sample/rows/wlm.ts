/** stl_wlm_query rows: the queue and execution timeline of one query. */

import type { StlWlmQueryRow, TimedRow } from '../types';
import type { QueryExecution } from '../workload';

/** The stl_wlm_query row of an execution, or null when it never reached WLM (leader-only). */
export function wlmRow(q: QueryExecution): TimedRow<StlWlmQueryRow> | null {
  if (!q.queue) return null;
  // WLM sees the query once planning is done, so queue_start trails stl_query.starttime slightly.
  const queueStart = q.start + q.planMicros;
  const queueEnd = queueStart + q.queueMicros;
  const execEnd = queueEnd + q.execMicros;
  return {
    at: queueStart,
    row: {
      userid: q.userid,
      xid: q.xid,
      task: q.task,
      query: q.query,
      service_class: q.queue.serviceClass,
      slot_count: q.slotCount,
      service_class_start_time: queueStart,
      queue_start_time: queueStart,
      queue_end_time: queueEnd,
      total_queue_time: q.queueMicros,
      exec_start_time: queueEnd,
      exec_end_time: execEnd,
      total_exec_time: q.execMicros,
      service_class_end_time: execEnd,
      final_state: q.evicted ? 'Evicted' : 'Completed',
      est_peak_mem: q.estPeakMem,
      query_priority: q.queue.priority,
      service_class_name: q.queue.name,
    },
  };
}
