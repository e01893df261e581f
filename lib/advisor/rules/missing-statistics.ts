import { scope } from '../../library/scope';
import { QUERY_TIMES, findingsFrom, num } from '../finding-sql';
import { analyzeStatement } from '../redshift-sql';
import type { AdvisorRule } from '../types';

/**
 * Tables the planner planned without statistics: the plan's own
 * `----- Tables missing statistics: a, b -----` line in stl_explain. Impact is
 * the execution time of the queries planned that way.
 */
export const missingStatistics: AdvisorRule = {
  kind: 'missing-statistics',
  title: 'Missing statistics',
  description:
    'Tables the planner reported as missing statistics (stl_explain), per cluster. Impact: the execution time of the ' +
    'queries planned without them. Run ANALYZE on the table, or find out why auto-analyze skips it.',
  tables: ['stl_explain', 'stl_query'],
  thresholds: { min_queries: { value: 1, description: 'queries planned without statistics, at least' } },
  sql: (t) =>
    findingsFrom(`${QUERY_TIMES},
missing_lines AS (
  SELECT clusterid, query,
         regexp_extract(trim(plannode), 'Tables missing statistics: (.*?) -----', 1) AS table_list
  FROM stl_explain
  WHERE ${scope()}
    AND plannode LIKE '%Tables missing statistics:%'
),
missing AS (
  SELECT DISTINCT clusterid, query, trim(table_name) AS table_name
  FROM (SELECT clusterid, query, unnest(string_split(table_list, ',')) AS table_name FROM missing_lines)
  WHERE trim(table_name) <> ''
),
counted AS (
  SELECT *, count(*) OVER (PARTITION BY clusterid, table_name) AS n FROM missing
),
affected AS (
  SELECT m.clusterid, m.table_name AS subject, m.query, q.day, q.starttime, q.us,
         '----- Tables missing statistics: ' || m.table_name || ' -----' AS evidence, '' AS detail
  FROM counted m
  JOIN query_times q ON q.clusterid = m.clusterid AND q.query = m.query
  WHERE m.n >= ${num(t.min_queries)}
)`),
  action: (row) => ({ kind: 'sql', statement: analyzeStatement(row.subject) }),
  confidence: (row) =>
    row.queries >= 3
      ? { level: 'high', note: 'The planner itself reported the missing statistics, for several queries.' }
      : { level: 'medium', note: 'The planner reported it for few queries; more runs in the window would confirm it is not a one-off after a load.' },
};
