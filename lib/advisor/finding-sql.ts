import { scope } from '../library/scope';

/**
 * The SQL every rule shares: a rule defines its CTEs, ending in one named
 * `affected` with one row per affected query (or event), and this turns it
 * into one {@link RuleRow} per cluster and subject. So impact, trend and the
 * slowest queries are computed the same way for every kind.
 *
 * The shared CTEs are named `finding_*`, so a rule's own CTE names cannot collide with them.
 *
 * `affected` columns: clusterid, subject, query (NULL for events), day (DATE),
 * starttime (TIMESTAMP), us (the time a fix could save, in µs), evidence, detail.
 */

/** Turns a rule's CTEs (without the leading WITH) into the shared finding columns. */
export function findingsFrom(ctes: string): string {
  return `WITH ${ctes.trim()},
finding_daily AS (
  SELECT clusterid, subject, day, sum(us) AS us FROM affected GROUP BY clusterid, subject, day
),
finding_trends AS (
  SELECT clusterid, subject, string_agg(strftime(day, '%Y-%m-%d') || '=' || round(us)::BIGINT, ';' ORDER BY day) AS trend
  FROM finding_daily GROUP BY clusterid, subject
),
finding_slowest AS (
  SELECT clusterid, subject, query, max(us) AS us
  FROM affected WHERE query IS NOT NULL
  GROUP BY clusterid, subject, query
  QUALIFY row_number() OVER (PARTITION BY clusterid, subject ORDER BY max(us) DESC, query) <= 5
),
finding_tops AS (
  SELECT clusterid, subject, string_agg(query || '=' || round(us)::BIGINT, ';' ORDER BY us DESC, query) AS top_queries
  FROM finding_slowest GROUP BY clusterid, subject
),
finding_summary AS (
  SELECT clusterid, subject, sum(us)::DOUBLE AS impact_us, count(DISTINCT query)::INTEGER AS queries,
         min(starttime) AS first_seen, max(starttime) AS last_seen, max(evidence) AS evidence, max(detail) AS detail
  FROM affected GROUP BY clusterid, subject
)
SELECT s.clusterid, s.subject, s.impact_us, s.queries,
       strftime(s.first_seen, '%Y-%m-%d %H:%M:%S') AS first_seen,
       strftime(s.last_seen, '%Y-%m-%d %H:%M:%S') AS last_seen,
       coalesce(t.trend, '') AS trend, coalesce(o.top_queries, '') AS top_queries,
       coalesce(s.evidence, '') AS evidence, coalesce(s.detail, '') AS detail
FROM finding_summary s
LEFT JOIN finding_trends t ON t.clusterid = s.clusterid AND t.subject = s.subject
LEFT JOIN finding_tops o ON o.clusterid = s.clusterid AND o.subject = s.subject
ORDER BY s.impact_us DESC, s.clusterid, s.subject`;
}

/** Each query's execution time in the scope, the impact most rules count. */
export const QUERY_TIMES = `query_times AS (
  SELECT clusterid, query, startdate AS day, starttime, date_diff('microsecond', starttime, endtime) AS us
  FROM stl_query
  WHERE ${scope()}
)`;

/** A threshold as a SQL literal; thresholds come from configuration, so anything but a finite number is refused. */
export function num(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) throw new Error(`A threshold must be a finite number, not ${String(value)}.`);
  return String(value);
}
