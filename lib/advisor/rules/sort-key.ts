import { scope } from '../../library/scope';
import { QUERY_TIMES, findingsFrom, num } from '../finding-sql';
import { alterSortKeyStatement } from '../redshift-sql';
import type { AdvisorRule } from '../types';
import { filterColumns } from './filter-columns';

/**
 * Very selective filters that still scan the whole table: the scan keeps a
 * small share of the rows it reads (rows / rows_pre_user_filter) and is not
 * range-restricted (is_rrscan 'f'), so the sort key does not serve the filter.
 * The plan's Filter lines on that table name the columns to sort by.
 */
export const sortKey: AdvisorRule = {
  kind: 'sort-key',
  title: 'Selective filter without a fitting sort key',
  description:
    'Scans that keep a small share of the rows they read (rows / rows_pre_user_filter) without a range-restricted ' +
    'scan (is_rrscan), repeatedly. Impact: the execution time of those queries. Make the columns the filters use ' +
    "the sort key (the columns come from the plans' Filter lines on the table).",
  tables: ['stl_scan', 'stl_query', 'stl_explain'],
  thresholds: {
    max_selectivity: { value: 0.05, description: 'share of the rows read that the filter keeps, at most' },
    min_queries: { value: 3, description: 'such queries on the table, at least' },
  },
  sql: (t) =>
    findingsFrom(`${QUERY_TIMES},
selective AS MATERIALIZED (
  SELECT clusterid, query, perm_table_name
  FROM stl_scan
  WHERE ${scope()}
    AND type = 2
  GROUP BY clusterid, query, perm_table_name
  HAVING sum(rows_pre_user_filter) > 0
     AND sum(rows)::DOUBLE / sum(rows_pre_user_filter) < ${num(t.max_selectivity)}
     AND bool_and(trim(is_rrscan) = 'f')
),
counted AS (
  SELECT clusterid, query, trim(perm_table_name) AS table_name,
         count(*) OVER (PARTITION BY clusterid, perm_table_name) AS n
  FROM selective
  WHERE perm_table_name NOT LIKE 'volt_tt_%' AND trim(perm_table_name) NOT IN ('Internal Worktable', 'S3')
),
filters AS MATERIALIZED (
  SELECT e.clusterid, c.table_name, string_agg(DISTINCT trim(e.info), ' | ') AS filter_text
  FROM stl_explain e
  JOIN (SELECT DISTINCT clusterid, query, table_name FROM counted) c ON c.clusterid = e.clusterid AND c.query = e.query
  WHERE ${scope('e')}
    AND e.plannode LIKE '%Seq Scan on %'
    AND e.info LIKE '%Filter:%'
    AND regexp_extract(trim(e.plannode), 'Seq Scan on ([^ ]+)', 1) = c.table_name
  GROUP BY e.clusterid, c.table_name
),
affected AS (
  SELECT c.clusterid, c.table_name AS subject, c.query, q.day, q.starttime, q.us,
         'scans keep under ' || round(100 * ${num(t.max_selectivity)}, 2) || '% of the rows they read, without a range-restricted scan' AS evidence,
         coalesce(f.filter_text, '') AS detail
  FROM counted c
  JOIN query_times q ON q.clusterid = c.clusterid AND q.query = c.query
  LEFT JOIN filters f ON f.clusterid = c.clusterid AND f.table_name = c.table_name
  WHERE c.n >= ${num(t.min_queries)}
)`),
  action: (row) => {
    const columns = filterColumns(row.detail);
    if (columns.length === 0) {
      return { kind: 'advice', text: `Make the columns that the selective filters on ${row.subject} compare the leading sort key columns.` };
    }
    return { kind: 'sql', statement: alterSortKeyStatement(row.subject, columns) };
  },
  confidence: (row) =>
    filterColumns(row.detail).length > 0 && row.queries >= 5
      ? { level: 'high', note: 'Many selective full scans, and the plans name the filter columns.' }
      : { level: 'medium', note: 'The plans of these queries (stl_explain) would name the filter columns and confirm the choice.' },
};
