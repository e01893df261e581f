/** The SQL that opens a finding's evidence in the console: its affected queries, slowest first. */
import { dateLiteral, textLiteral } from '../params/literals';
import type { Finding } from './types';

/** The finding's top queries with their text and times, pruned to the finding's cluster and days. */
export function evidenceSql(finding: Finding): string | null {
  if (finding.topQueries.length === 0) return null;
  const days = finding.trend.map((day) => day.day).sort();
  const first = days[0] ?? finding.firstSeen.slice(0, 10);
  const last = days.at(-1) ?? finding.lastSeen.slice(0, 10);
  return `SELECT query, starttime, round(date_diff('microsecond', starttime, endtime) / 1e6, 3) AS seconds,
       trim(label) AS label, trim(database) AS database, aborted, querytxt
FROM stl_query
WHERE clusterid = ${textLiteral(finding.clusterid)}
  AND startdate BETWEEN ${dateLiteral(first)} AND ${dateLiteral(last)}
  AND query IN (${finding.topQueries.map((q) => String(Math.trunc(q.query))).join(', ')})
ORDER BY seconds DESC`;
}

/** One query of the evidence, on its own. */
export function querySql(finding: Finding, query: number): string {
  return `SELECT query, starttime, endtime, trim(label) AS label, trim(database) AS database, aborted, querytxt
FROM stl_query
WHERE clusterid = ${textLiteral(finding.clusterid)} AND query = ${String(Math.trunc(query))}`;
}
