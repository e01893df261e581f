import { scopeParameters } from '../parameters';
import { scope } from '../scope';
import type { LibraryQuery } from '../types';
import { statementChunks } from './statement-text';

/** Question 11. DDL and utility text come in 200-character chunks, one row per chunk. */
export const ddlUtilityAudit: LibraryQuery = {
  id: 'ddl-utility-audit',
  title: 'DDL and utility audit',
  question: 11,
  description:
    'Every DDL statement (stl_ddltext) and utility statement (stl_utilitytext: GRANT, REVOKE, CREATE/ALTER USER, SET) ' +
    'per cluster, newest first: who ran it (userid, label), when, its transaction and process ids, and its text ' +
    'reassembled from the 200-character chunks in sequence order. The text is FLE ciphertext with each chunk encrypted ' +
    'on its own, so statement_text (the chunks joined, right for unencrypted exports) is not decryptable as a whole: ' +
    'decrypt each element of text_chunks and join the results. Review unexpected grants, user changes and drops, and ' +
    'match them against change tickets.',
  tables: ['stl_ddltext', 'stl_utilitytext'],
  parameters: scopeParameters,
  sql: `WITH chunks AS (
  SELECT 'DDL' AS kind, clusterid, startdate, userid, trim(label) AS label, xid, pid, starttime, endtime, sequence, text
  FROM stl_ddltext
  WHERE ${scope()}
  UNION ALL
  SELECT 'utility' AS kind, clusterid, startdate, userid, trim(label) AS label, xid, pid, starttime, endtime, sequence, text
  FROM stl_utilitytext
  WHERE ${scope()}
)
SELECT clusterid, starttime, kind, userid, label, xid, pid,
       round(date_diff('microsecond', starttime, endtime) / 1e6, 3) AS seconds,
       ${statementChunks}
FROM chunks
GROUP BY clusterid, startdate, kind, userid, label, xid, pid, starttime, endtime
ORDER BY starttime DESC, clusterid, xid, pid, kind`,
};
