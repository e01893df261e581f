import { scope } from '../../library/scope';
import { textLiteral } from '../../params/literals';

/**
 * A CTE `alerted` of the alert events whose text starts with one of `prefixes`,
 * each tied to the table of the scan step it points at (alerts are logged per
 * slice, so one row per cluster, query and table). Alert events are blank-padded
 * CHAR(1024): a prefix test needs only the leading blanks gone.
 */
export function alertedTables(prefixes: readonly string[]): string {
  const tests = prefixes.map((prefix) => `ltrim(event) LIKE ${textLiteral(`${prefix}%`)}`).join(' OR ');
  return `alerts AS MATERIALIZED (
  SELECT clusterid, query, slice, segment, step, left(ltrim(event), 120) AS event
  FROM stl_alert_event_log
  WHERE ${scope()}
    AND (${tests})
),
alerted AS MATERIALIZED (
  SELECT a.clusterid, a.query, trim(s.perm_table_name) AS table_name, max(a.event) AS event,
         max(s.rows_pre_filter) AS rows_scanned
  FROM alerts a
  JOIN stl_scan s ON s.clusterid = a.clusterid AND s.query = a.query AND s.slice = a.slice
                 AND s.segment = a.segment AND s.step = a.step
  WHERE ${scope('s')}
  GROUP BY a.clusterid, a.query, s.perm_table_name
)`;
}
