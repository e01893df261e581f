/** stl_ddltext and stl_utilitytext rows: statements split into 200-character chunks. */

import { chunkText } from '../text';
import type { StlStatementTextRow, TimedRow } from '../types';
import type { TextEvent } from '../text-events';

/** The rows of one DDL or utility statement; all chunks share its start and end. */
export function statementTextRows(e: TextEvent): Array<TimedRow<StlStatementTextRow>> {
  return chunkText(e.text).map((text, sequence) => ({
    at: e.start,
    row: { userid: e.userid, xid: e.xid, pid: e.pid, label: e.label, starttime: e.start, endtime: e.end, sequence, text },
  }));
}
