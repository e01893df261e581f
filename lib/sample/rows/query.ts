/** stl_query, stl_querytext and stl_explain rows: one query's text and plan. */

import { chunkText, queryTxt } from '../text';
import type { StlExplainRow, StlQueryRow, StlQueryTextRow, TimedRow } from '../types';
import type { QueryExecution } from '../workload';

/** When the query finished from the client's point of view. */
export function queryEnd(q: QueryExecution): number {
  return q.start + q.planMicros + q.queueMicros + q.execMicros + q.returnMicros;
}

/** The stl_query row of an execution. */
export function queryRow(q: QueryExecution): TimedRow<StlQueryRow> {
  return {
    at: q.start,
    row: {
      userid: q.userid,
      query: q.query,
      label: q.label,
      xid: q.xid,
      pid: q.pid,
      database: q.database,
      querytxt: queryTxt(q.text),
      starttime: q.start,
      endtime: queryEnd(q),
      aborted: q.aborted ? 1 : 0,
      insert_pristine: q.insertPristine ? 1 : 0,
      concurrency_scaling_status: q.concurrencyScaled ? 1 : 0,
    },
  };
}

/** The stl_querytext rows of an execution: 200-character chunks, partitioned by the query's start. */
export function queryTextRows(q: QueryExecution): Array<TimedRow<StlQueryTextRow>> {
  return chunkText(q.text).map((text, sequence) => ({
    at: q.start,
    row: { userid: q.userid, xid: q.xid, pid: q.pid, query: q.query, sequence, text },
  }));
}

/** The stl_explain rows of an execution; none for leader-only, COPY and system statements. */
export function explainRows(q: QueryExecution): Array<TimedRow<StlExplainRow>> {
  const plan = q.statement?.plan ?? [];
  return plan.map((p) => ({
    at: q.start,
    row: { userid: q.userid, query: q.query, nodeid: p.nodeid, parentid: p.parentid, plannode: p.plannode, info: p.info },
  }));
}
