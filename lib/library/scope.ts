/** The partition filter every library query applies to every table it reads. */

/**
 * `clusterid IN {{clusters}} AND startdate BETWEEN {{days.start}} AND {{days.end}}`,
 * optionally qualified by a table alias. Binding turns it into constant
 * filters on the partition keys, which is what lets DuckDB 0.9 skip the other
 * clusters' and days' files. The queries apply it to every table they read,
 * not just one side of a join: many joins (alerts to scans, queries to WLM)
 * do not include `startdate`, so no filter could reach the other side.
 */
export function scope(alias?: string): string {
  const prefix = alias ? `${alias}.` : '';
  return `${prefix}clusterid IN {{clusters}} AND ${prefix}startdate BETWEEN {{days.start}} AND {{days.end}}`;
}
