import { scopeParameters } from '../parameters';
import { scope } from '../scope';
import type { LibraryQuery } from '../types';

/** Question 6. The planner lists the tables in a plan line `----- Tables missing statistics: a, b -----`. */
export const missingStatistics: LibraryQuery = {
  id: 'missing-statistics',
  title: 'Tables with missing planner statistics',
  question: 6,
  description:
    'Tables that the planner reported as missing statistics in stl_explain, per cluster, with the number of queries ' +
    'planned without them, the runtime of those queries and when it last happened. Run the ANALYZE statement in the ' +
    '"action" column on that cluster (or check why auto-analyze skips the table), starting with the most queries.',
  tables: ['stl_explain', 'stl_query'],
  parameters: scopeParameters,
  sql: `WITH lines AS (
  SELECT clusterid, startdate, query,
         regexp_extract(trim(plannode), 'Tables missing statistics: (.*?) -----', 1) AS table_list
  FROM stl_explain
  WHERE ${scope()}
    AND plannode LIKE '%Tables missing statistics:%'
),
missing AS (
  SELECT DISTINCT clusterid, startdate, query, trim(table_name) AS table_name
  FROM (SELECT clusterid, startdate, query, unnest(string_split(table_list, ',')) AS table_name FROM lines)
  WHERE trim(table_name) <> ''
)
-- stl_explain rows take their query's day, so the join can use the partition key too.
SELECT m.clusterid, m.table_name,
       count(DISTINCT m.query) AS queries,
       round(sum(date_diff('microsecond', q.starttime, q.endtime)) / 1e6, 3) AS query_s,
       max(q.starttime) AS last_seen,
       'ANALYZE ' || m.table_name || ';' AS action
FROM missing m
LEFT JOIN stl_query q
  ON q.clusterid = m.clusterid AND q.startdate = m.startdate AND q.query = m.query
 AND ${scope('q')}
GROUP BY m.clusterid, m.table_name
ORDER BY queries DESC, m.clusterid, m.table_name`,
};
