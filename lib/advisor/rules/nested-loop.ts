import { QUERY_TIMES, findingsFrom, num } from '../finding-sql';
import type { AdvisorRule } from '../types';
import { alertedTables } from './alerted-tables';

/** Nested loop joins: the alert Redshift logs for them, tied to the table of the scan it points at. */
export const nestedLoop: AdvisorRule = {
  kind: 'nested-loop',
  title: 'Nested loop joins',
  description:
    'Queries whose plan has a nested loop join (the "Nested Loop Join in the query plan" alert), per table the ' +
    'alert points at. Impact: the execution time of those queries. Give the join an equality condition; a nested ' +
    'loop is a Cartesian product filtered afterwards.',
  tables: ['stl_alert_event_log', 'stl_scan', 'stl_query'],
  thresholds: { min_queries: { value: 1, description: 'queries with the nested loop, at least' } },
  sql: (t) =>
    findingsFrom(`${QUERY_TIMES},
${alertedTables(['Nested Loop Join'])},
counted AS (
  SELECT *, count(*) OVER (PARTITION BY clusterid, table_name) AS n FROM alerted
),
affected AS (
  SELECT c.clusterid, c.table_name AS subject, c.query, q.day, q.starttime, q.us, c.event AS evidence, '' AS detail
  FROM counted c
  JOIN query_times q ON q.clusterid = c.clusterid AND q.query = c.query
  WHERE c.n >= ${num(t.min_queries)}
)`),
  action: (row) => ({
    kind: 'advice',
    text: `Review the join predicates of the queries that join ${row.subject}: each join needs an equality condition between the tables, so Redshift can hash or merge instead of looping.`,
  }),
  confidence: (row) =>
    row.queries >= 3
      ? { level: 'high', note: 'Redshift logged the nested loop for each of these queries.' }
      : { level: 'medium', note: 'Few queries; the statement text (decrypted by an admin) shows whether the cross join is intended.' },
};
