import { scope } from '../../library/scope';
import { QUERY_TIMES, findingsFrom, num } from '../finding-sql';
import { alterDistKeyStatement, alterDistStyleAllStatement } from '../redshift-sql';
import type { AdvisorRule, RuleRow } from '../types';
import { alertedTables } from './alerted-tables';

const SMALL_TABLE_ROWS = 'small_table_rows';

/**
 * Joins that move a table across the network again and again: the broadcast
 * and redistribution alerts (DS_BCAST_INNER, DS_DIST_ALL_INNER, DS_DIST_BOTH
 * in the plan), tied to the table of the scan they point at.
 */
export const redistribution: AdvisorRule = {
  kind: 'redistribution',
  title: 'Broadcast and redistribution',
  description:
    'Tables that joins broadcast or redistribute across the network repeatedly (the "Broadcasted a large number of ' +
    'rows", "DS_DIST_ALL_INNER" and "Distributed a large number of rows" alerts, tied to the scanned table). Impact: ' +
    'the execution time of those queries. A small table becomes DISTSTYLE ALL; a large one gets the join column as ' +
    'its distribution key.',
  tables: ['stl_alert_event_log', 'stl_scan', 'stl_query'],
  thresholds: {
    min_queries: { value: 3, description: 'queries that moved the table, at least' },
    [SMALL_TABLE_ROWS]: { value: 5_000_000, description: 'rows scanned per slice below which a table counts as small (DISTSTYLE ALL)' },
  },
  sql: (t) =>
    findingsFrom(`${QUERY_TIMES},
${alertedTables(['Broadcasted a large number of rows', 'DS_DIST_ALL_INNER', 'DS_DIST_BOTH', 'Distributed a large number of rows'])},
counted AS (
  SELECT *, count(*) OVER (PARTITION BY clusterid, table_name) AS n,
         max(rows_scanned) OVER (PARTITION BY clusterid, table_name) AS max_rows
  FROM alerted
  WHERE table_name NOT LIKE 'volt_tt_%' AND table_name NOT IN ('Internal Worktable', 'S3')
),
conditions AS MATERIALIZED (
  SELECT e.clusterid, c.table_name, string_agg(DISTINCT trim(e.info), ' | ') AS conds
  FROM stl_explain e
  JOIN (SELECT DISTINCT clusterid, query, table_name FROM counted) c ON c.clusterid = e.clusterid AND c.query = e.query
  WHERE ${scope('e')}
    AND e.info LIKE '%Hash Cond:%'
    AND (e.plannode LIKE '%DS_BCAST_INNER%' OR e.plannode LIKE '%DS_DIST_ALL_INNER%' OR e.plannode LIKE '%DS_DIST_BOTH%')
  GROUP BY e.clusterid, c.table_name
),
affected AS (
  SELECT c.clusterid, c.table_name AS subject, c.query, q.day, q.starttime, q.us,
         c.event AS evidence,
         CASE WHEN c.max_rows < ${num(t[SMALL_TABLE_ROWS])} THEN 'small' ELSE 'large' END || '|' || coalesce(k.conds, '') AS detail
  FROM counted c
  JOIN query_times q ON q.clusterid = c.clusterid AND q.query = c.query
  LEFT JOIN conditions k ON k.clusterid = c.clusterid AND k.table_name = c.table_name
  WHERE c.n >= ${num(t.min_queries)}
)`),
  action: (row: RuleRow) => {
    const { small, column } = parseDetail(row.detail);
    if (small) return { kind: 'sql', statement: alterDistStyleAllStatement(row.subject) };
    if (column) return { kind: 'sql', statement: alterDistKeyStatement(row.subject, column) };
    return { kind: 'advice', text: `Make the column that joins to ${row.subject} its distribution key (or the other table's), so the join is collocated.` };
  },
  confidence: (row) => {
    const { small, column } = parseDetail(row.detail);
    if (small) return { level: 'high', note: 'The table is small per slice, so copying it to every node removes the broadcast.' };
    if (column)
      return { level: 'medium', note: "The join column comes from the plans' Hash Cond lines; check that the other side of the join uses the same key." };
    return { level: 'low', note: 'No Hash Cond line named the join column; the plans of these queries (stl_explain) would.' };
  },
};

const JOIN_COLUMN = /\.\s*"?([a-z_][a-z0-9_$]*)"?\s*\)*\s*=/i;

/** `small|…` or `large|<Hash Cond lines>` from the SQL: the size class and the most common join column. */
function parseDetail(detail: string): { small: boolean; column: string | null } {
  const [size = '', conds = ''] = detail.split(/\|(.*)/s);
  const counts = new Map<string, number>();
  for (const cond of conds.split(' | ')) {
    const column = JOIN_COLUMN.exec(cond)?.[1]?.toLowerCase();
    if (column) counts.set(column, (counts.get(column) ?? 0) + 1);
  }
  const column = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
  return { small: size === 'small', column };
}
