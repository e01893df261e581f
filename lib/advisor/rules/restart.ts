import { scope } from '../../library/scope';
import { findingsFrom, num } from '../finding-sql';
import type { AdvisorRule } from '../types';

/**
 * Cluster restarts. Redshift logs one as the system user (userid 1) running
 * `xen_is_up.sql` in stl_utilitytext, but that text is protected (FLE
 * ciphertext), so the rule finds a userid-1 utility statement that follows a
 * quiet gap in the cluster's queries, with queries aborted just before it.
 * Impact is the quiet gap: the time the cluster answered nothing.
 */
export const restart: AdvisorRule = {
  kind: 'restart',
  title: 'Cluster restarts',
  description:
    'A system (userid 1) utility statement after a gap in which the cluster ran no query, with queries aborted in ' +
    'the 30 minutes before: how a restart looks without reading the protected statement text. Impact: the length ' +
    'of the gap. Check the events of the cluster and open a support case for an unplanned restart.',
  tables: ['stl_utilitytext', 'stl_query'],
  thresholds: {
    min_gap_minutes: { value: 2, description: 'minutes without any query before the statement, at least' },
    min_aborted_before: { value: 1, description: 'queries aborted in the 30 minutes before, at least' },
  },
  sql: (t) =>
    findingsFrom(`system_statements AS (
  SELECT DISTINCT clusterid, startdate AS day, starttime, xid, pid
  FROM stl_utilitytext
  WHERE ${scope()}
    AND userid = 1
),
activity AS (
  SELECT clusterid, starttime, endtime, aborted
  FROM stl_query
  WHERE ${scope()}
),
around AS (
  SELECT s.clusterid, s.day, s.starttime, s.xid,
         max(a.endtime) FILTER (WHERE a.endtime <= s.starttime) AS quiet_from,
         count(a.starttime) FILTER (WHERE a.aborted = 1 AND a.endtime BETWEEN s.starttime - INTERVAL 30 MINUTE AND s.starttime) AS aborted_before
  FROM system_statements s
  LEFT JOIN activity a ON a.clusterid = s.clusterid
  GROUP BY s.clusterid, s.day, s.starttime, s.xid
),
affected AS (
  SELECT clusterid, 'cluster restart' AS subject, NULL::BIGINT AS query, day, starttime,
         date_diff('microsecond', quiet_from, starttime) AS us,
         'system statement at ' || strftime(starttime, '%Y-%m-%d %H:%M:%S') || ' after ' ||
           round(date_diff('second', quiet_from, starttime) / 60.0, 1) || ' min without queries; ' || aborted_before ||
           ' queries aborted in the 30 min before' AS evidence,
         '' AS detail
  FROM around
  WHERE quiet_from IS NOT NULL
    AND date_diff('second', quiet_from, starttime) >= ${num(t.min_gap_minutes)} * 60
    AND aborted_before >= ${num(t.min_aborted_before)}
)`),
  action: (row) => ({
    kind: 'advice',
    text: `Check the cluster events of ${row.clusterid} around the restart; if it was not planned maintenance, open a support case with the times.`,
  }),
  confidence: () => ({
    level: 'medium',
    note: 'Found from the quiet gap and the aborted queries, not from the statement text (protected); an admin who decrypts the stl_utilitytext text can confirm xen_is_up.sql.',
  }),
};
