import { scopeParameters } from '../parameters';
import { scope } from '../scope';
import type { LibraryQuery } from '../types';
import { statementChunks } from './statement-text';

/**
 * Question 12. A restart shows as the system user (userid 1) running
 * `xen_is_up.sql` in stl_utilitytext, but that text is ciphertext here, so
 * no filter can match it. The query lists every userid-1 utility statement
 * with the activity around it instead; decryption tells which are restarts.
 */
export const clusterRestarts: LibraryQuery = {
  id: 'cluster-restarts',
  title: 'Cluster restarts (system utility statements)',
  question: 12,
  description:
    'A restart is logged as the system user (userid 1) running xen_is_up.sql in stl_utilitytext. That text is ' +
    'encrypted, so it cannot be matched in SQL: this lists every userid-1 utility statement per cluster with the query ' +
    'activity around it (last query end before, first query start after, the quiet gap in minutes, queries running ' +
    'across it and queries aborted in the 30 minutes before) and its text chunks for decryption. Decrypt text_chunks ' +
    'to confirm which rows are xen_is_up.sql; a restart usually has a quiet gap and aborted queries just before it. ' +
    'Unplanned restarts outside the maintenance window deserve a support case.',
  tables: ['stl_utilitytext', 'stl_query'],
  parameters: scopeParameters,
  sql: `WITH system_statements AS (
  SELECT clusterid, starttime, endtime, xid, pid, trim(label) AS label,
         ${statementChunks}
  FROM stl_utilitytext
  WHERE ${scope()}
    AND userid = 1
  GROUP BY clusterid, startdate, starttime, endtime, xid, pid, trim(label)
),
activity AS (
  SELECT clusterid, starttime, endtime, aborted
  FROM stl_query
  WHERE ${scope()}
),
around AS (
  SELECT s.clusterid, s.starttime, s.xid, s.pid,
         max(a.endtime) FILTER (WHERE a.endtime <= s.starttime) AS last_query_end_before,
         min(a.starttime) FILTER (WHERE a.starttime >= s.starttime) AS first_query_start_after,
         count(a.starttime) FILTER (WHERE a.starttime < s.starttime AND a.endtime > s.endtime) AS queries_running_across,
         count(a.starttime) FILTER (WHERE a.aborted = 1 AND a.endtime BETWEEN s.starttime - INTERVAL 30 MINUTE AND s.starttime)
           AS aborted_30_min_before
  FROM system_statements s
  LEFT JOIN activity a ON a.clusterid = s.clusterid
  GROUP BY s.clusterid, s.starttime, s.xid, s.pid
)
SELECT s.clusterid, s.starttime, s.xid, s.pid, s.label,
       a.last_query_end_before, a.first_query_start_after,
       round(date_diff('microsecond', a.last_query_end_before, a.first_query_start_after) / 6e7, 1) AS quiet_minutes,
       a.queries_running_across, a.aborted_30_min_before,
       s.chunks, s.statement_text, s.text_chunks
FROM system_statements s
JOIN around a ON a.clusterid = s.clusterid AND a.starttime = s.starttime AND a.xid = s.xid AND a.pid = s.pid
ORDER BY s.starttime, s.clusterid, s.xid, s.pid`,
};
