/**
 * The query a new console opens with: cross-cluster, and cheap because it
 * prunes to the last 7 days. The date is a literal on purpose: DuckDB 0.9
 * prunes Hive partitions only on constant filters, and `current_date` is not
 * folded to one, so `startdate >= current_date - 7` would read every file.
 */
export function defaultSql(today: Date): string {
  const since = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - 6));
  const day = since.toISOString().slice(0, 10);
  return `-- User queries per cluster per day over the last 7 days
SELECT
  clusterid,
  startdate,
  count(*) AS queries,
  count(*) FILTER (WHERE aborted = 1) AS aborted,
  round(avg(date_diff('millisecond', starttime, endtime)) / 1000.0, 2) AS avg_seconds
FROM stl_query
WHERE startdate >= DATE '${day}'
  AND userid > 1
GROUP BY clusterid, startdate
ORDER BY startdate, clusterid;
`;
}
