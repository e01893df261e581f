import { numberParameter, scopeParameters } from '../parameters';
import { scope } from '../scope';
import type { LibraryQuery } from '../types';

/**
 * Question 1. The text is FLE ciphertext, and real CloudFront ciphertext
 * differs on every execution, so grouping by text would make every run its
 * own statement. The plan with costs and row estimates removed identifies a
 * statement shape instead: same tables, joins and operators, whatever the
 * literal values (those live in stl_explain.info, which is left out).
 */
export const topStatements: LibraryQuery = {
  id: 'top-statements',
  title: 'Top statements by total runtime',
  question: 1,
  description:
    'The statements that use the most cluster time across the selected clusters, with runs, total/avg/min/max seconds, ' +
    'last run, aborted runs and the alert categories they raised. Statements are grouped by database and plan shape ' +
    '(the stl_explain plan with costs removed, so runs that differ only in literal values group together) because the ' +
    'query text is encrypted and differs per run; queries without a plan group by user and WLM label. ' +
    'The latest run\'s ciphertext is shown for decryption. Act on the top rows first: tune the statements with alert tags, ' +
    'and look for high run counts that could be cached or scheduled less often.',
  tables: ['stl_query', 'stl_explain', 'stl_alert_event_log'],
  parameters: (context) => [...scopeParameters(context), numberParameter('limit', 'Rows', 50)],
  sql: `-- Statements are grouped by plan shape, not by text: the text is ciphertext.
WITH queries AS (
  SELECT clusterid, startdate, query, userid, trim(label) AS label, trim(database) AS database,
         starttime, aborted, querytxt,
         date_diff('microsecond', starttime, endtime) / 1e6 AS seconds
  FROM stl_query
  WHERE ${scope()}
    AND userid > 1
),
plans AS (
  SELECT clusterid, startdate, query,
         string_agg(regexp_replace(trim(plannode), '\\s*\\(cost=[^)]*\\)', ''), ' | ' ORDER BY nodeid) AS plan_shape
  FROM stl_explain
  WHERE ${scope()}
  GROUP BY clusterid, startdate, query
),
alert_categories AS (
  SELECT DISTINCT clusterid, query, trim(split_part(trim(event), ':', 1)) AS category
  FROM stl_alert_event_log
  WHERE ${scope()}
),
-- Materialised: three parts below read it, and 0.9 would otherwise recompute the plan shapes for each.
keyed AS MATERIALIZED (
  SELECT q.*,
         coalesce(p.plan_shape, '(no plan) user ' || q.userid || ', label ' || q.label) AS statement_shape,
         left(md5(q.database || '|' || coalesce(p.plan_shape, '(no plan) user ' || q.userid || ', label ' || q.label)), 12) AS statement_id
  FROM queries q
  LEFT JOIN plans p ON p.clusterid = q.clusterid AND p.startdate = q.startdate AND p.query = q.query
),
latest AS (
  SELECT statement_id, clusterid AS latest_cluster, query AS latest_query, querytxt AS latest_querytxt
  FROM keyed
  QUALIFY row_number() OVER (PARTITION BY statement_id ORDER BY starttime DESC, clusterid, query) = 1
),
tags AS (
  SELECT k.statement_id, array_to_string(list_sort(list_distinct(list(a.category))), ', ') AS alert_tags
  FROM keyed k
  JOIN alert_categories a ON a.clusterid = k.clusterid AND a.query = k.query
  GROUP BY k.statement_id
),
statements AS (
  SELECT statement_id, database, any_value(statement_shape) AS statement_shape,
         count(*) AS runs,
         count(DISTINCT clusterid) AS clusters,
         array_to_string(list_sort(list_distinct(list(userid::VARCHAR))), ', ') AS users,
         round(sum(seconds), 3) AS total_s,
         round(avg(seconds), 3) AS avg_s,
         round(min(seconds), 3) AS min_s,
         round(max(seconds), 3) AS max_s,
         max(starttime) AS last_run,
         count(*) FILTER (WHERE aborted = 1) AS aborted_runs
  FROM keyed
  GROUP BY statement_id, database
)
SELECT s.statement_id, s.database, s.runs, s.clusters, s.users, s.total_s, s.avg_s, s.min_s, s.max_s,
       s.last_run, s.aborted_runs, coalesce(t.alert_tags, '') AS alert_tags,
       l.latest_cluster, l.latest_query, l.latest_querytxt, s.statement_shape
FROM statements s
JOIN latest l ON l.statement_id = s.statement_id
LEFT JOIN tags t ON t.statement_id = s.statement_id
ORDER BY s.total_s DESC, s.statement_id
LIMIT {{limit}}`,
};
