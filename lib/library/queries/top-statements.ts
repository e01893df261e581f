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
    "The latest run's ciphertext is shown for decryption. Act on the top rows first: tune the statements with alert tags, " +
    'and look for high run counts that could be cached or scheduled less often.',
  tables: ['stl_query', 'stl_explain', 'stl_alert_event_log'],
  parameters: (context) => [...scopeParameters(context), numberParameter('limit', 'Rows', 50)],
  sql: `-- Statements are grouped by plan shape, not by text: the text is ciphertext.
-- Runs are grouped by a digest of their plan (order-independent, so no sorted text per run);
-- the shape text and the ciphertext are fetched only for the listed statements' latest runs.
-- Padded CHARs are trimmed late (database once listed, label only for runs without a plan) and each distinct
-- plan line is normalised once: trimming every row's padding is most of the work in the browser's engine.
-- Redshift pads a CHAR to its full width, so each database name has one padded form to group by.
WITH queries AS (
  SELECT clusterid, startdate, query, userid, label, database,
         starttime, aborted,
         date_diff('microsecond', starttime, endtime) / 1e6 AS seconds
  FROM stl_query
  WHERE ${scope()}
    AND userid > 1
),
-- Costs differ from run to run; the rest of a plan line repeats, so each distinct line is normalised once.
plan_lines AS MATERIALIZED (
  SELECT plannode, regexp_replace(trim(plannode), '\\s*\\(cost=[^)]*\\)', '') AS shape
  FROM stl_explain
  WHERE ${scope()}
  GROUP BY plannode
),
plan_digests AS (
  SELECT e.clusterid, e.startdate, e.query, bit_xor(hash(e.nodeid, l.shape)) AS plan_digest
  FROM stl_explain e
  LEFT JOIN plan_lines l ON l.plannode = e.plannode
  WHERE ${scope('e')}
  GROUP BY e.clusterid, e.startdate, e.query
),
alert_categories AS (
  SELECT DISTINCT clusterid, query, trim(split_part(event, ':', 1)) AS category
  FROM stl_alert_event_log
  WHERE ${scope()}
),
-- Materialised: three parts below read it. Small columns only, so it fits at fleet size.
keyed AS MATERIALIZED (
  SELECT q.* EXCLUDE (label),
         coalesce('plan ' || p.plan_digest, '(no plan) user ' || q.userid || ', label ' || trim(q.label)) AS statement_key
  FROM queries q
  LEFT JOIN plan_digests p ON p.clusterid = q.clusterid AND p.startdate = q.startdate AND p.query = q.query
),
latest AS (
  SELECT database, statement_key, clusterid AS latest_cluster, startdate AS latest_startdate, query AS latest_query
  FROM keyed
  QUALIFY row_number() OVER (PARTITION BY database, statement_key ORDER BY starttime DESC, clusterid, query) = 1
),
tags AS (
  SELECT k.database, k.statement_key, array_to_string(list_sort(list_distinct(list(a.category))), ', ') AS alert_tags
  FROM keyed k
  JOIN alert_categories a ON a.clusterid = k.clusterid AND a.query = k.query
  GROUP BY k.database, k.statement_key
),
statements AS (
  SELECT database, statement_key,
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
  GROUP BY database, statement_key
),
listed AS (
  SELECT s.*, coalesce(t.alert_tags, '') AS alert_tags,
         l.latest_cluster AS clusterid, l.latest_startdate AS startdate, l.latest_query AS query
  FROM statements s
  JOIN latest l ON l.database = s.database AND l.statement_key = s.statement_key
  LEFT JOIN tags t ON t.database = s.database AND t.statement_key = s.statement_key
  ORDER BY s.total_s DESC, clusterid, query
  LIMIT {{limit}}
),
shapes AS (
  SELECT e.clusterid, e.startdate, e.query,
         string_agg(regexp_replace(trim(e.plannode), '\\s*\\(cost=[^)]*\\)', ''), ' | ' ORDER BY e.nodeid) AS plan_shape
  FROM stl_explain e
  JOIN listed l ON e.clusterid = l.clusterid AND e.startdate = l.startdate AND e.query = l.query
  WHERE ${scope('e')}
  GROUP BY e.clusterid, e.startdate, e.query
),
texts AS (
  SELECT q.clusterid, q.startdate, q.query, any_value(q.querytxt) AS querytxt
  FROM stl_query q
  JOIN listed l ON q.clusterid = l.clusterid AND q.startdate = l.startdate AND q.query = l.query
  WHERE ${scope('q')}
  GROUP BY q.clusterid, q.startdate, q.query
)
SELECT left(md5(trim(l.database) || '|' || coalesce(sh.plan_shape, l.statement_key)), 12) AS statement_id,
       trim(l.database) AS database, l.runs, l.clusters, l.users, l.total_s, l.avg_s, l.min_s, l.max_s,
       l.last_run, l.aborted_runs, l.alert_tags,
       l.clusterid AS latest_cluster, l.query AS latest_query, tx.querytxt AS latest_querytxt,
       coalesce(sh.plan_shape, l.statement_key) AS statement_shape
FROM listed l
LEFT JOIN shapes sh ON sh.clusterid = l.clusterid AND sh.startdate = l.startdate AND sh.query = l.query
LEFT JOIN texts tx ON tx.clusterid = l.clusterid AND tx.startdate = l.startdate AND tx.query = l.query
ORDER BY l.total_s DESC, l.clusterid, l.query`,
};
