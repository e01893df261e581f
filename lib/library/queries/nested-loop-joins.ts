import { scopeParameters } from '../parameters';
import { scope } from '../scope';
import type { LibraryQuery } from '../types';

/** Question 5. A query is flagged by its plan, by its alert, or by both. */
export const nestedLoopJoins: LibraryQuery = {
  id: 'nested-loop-joins',
  title: 'Queries with nested-loop joins',
  question: 5,
  description:
    'Queries whose plan has a Nested Loop node (stl_explain) or that raised the "Nested Loop Join in the query plan" ' +
    'alert, slowest first, with user, database, runtime, the nested-loop plan node and the query text (ciphertext in ' +
    'querytxt, the first 4,000 characters; decrypt it to see the joins). A nested loop usually means a missing or ' +
    'non-equality join predicate, i.e. a Cartesian product: add the join condition.',
  tables: ['stl_query', 'stl_explain', 'stl_alert_event_log'],
  parameters: scopeParameters,
  sql: `-- Materialised: two parts below read each, and the search through every padded plan line is the costly step.
WITH plan_nodes AS MATERIALIZED (
  SELECT clusterid, query,
         string_agg(regexp_replace(trim(plannode), '\\s*\\(cost=[^)]*\\)', ''), ' | ' ORDER BY nodeid) AS nested_loop_nodes
  FROM stl_explain
  WHERE ${scope()}
    AND plannode LIKE '%Nested Loop%'
  GROUP BY clusterid, query
),
alerted AS MATERIALIZED (
  SELECT DISTINCT clusterid, query
  FROM stl_alert_event_log
  WHERE ${scope()}
    -- A prefix test needs only the leading blanks gone; trimming the CHAR(1024) padding too is slow in the browser.
    AND ltrim(event) LIKE 'Nested Loop Join%'
),
flagged AS (
  SELECT clusterid, query FROM plan_nodes
  UNION
  SELECT clusterid, query FROM alerted
)
SELECT q.clusterid, q.query, q.starttime,
       round(date_diff('microsecond', q.starttime, q.endtime) / 1e6, 3) AS seconds,
       q.userid, trim(q.label) AS label, trim(q.database) AS database, q.aborted,
       CASE WHEN p.query IS NOT NULL AND a.query IS NOT NULL THEN 'plan + alert'
            WHEN p.query IS NOT NULL THEN 'plan' ELSE 'alert' END AS found_in,
       coalesce(p.nested_loop_nodes, '') AS nested_loop_nodes,
       q.querytxt
FROM flagged f
JOIN stl_query q ON q.clusterid = f.clusterid AND q.query = f.query
LEFT JOIN plan_nodes p ON p.clusterid = f.clusterid AND p.query = f.query
LEFT JOIN alerted a ON a.clusterid = f.clusterid AND a.query = f.query
WHERE ${scope('q')}
ORDER BY seconds DESC, q.clusterid, q.query`,
};
