/**
 * The columns a plan's `Filter:` lines compare, most used first, e.g.
 * `((region)::text = 'emea'::text)` → `region`. Plan filters name columns bare
 * or with the scan's alias (`o.order_ts`), and wrap them in casts and parentheses.
 */
const COMPARISON = /\(*\s*(?:[a-z_][a-z0-9_$]*\.)?([a-z_][a-z0-9_$]*)\s*\)?(?:::[a-z ]+?)?\s*(?:=|<>|!=|>=|<=|<|>|~~|!~~|\bin\b|\bbetween\b|\blike\b)/gi;
const NOT_COLUMNS = new Set(['and', 'or', 'not', 'text', 'date', 'timestamp', 'integer', 'bigint', 'numeric', 'getdate', 'dateadd']);

/** Filter texts separated by ` | `, as the rules' SQL gathers them; returns columns by how often they are filtered on. */
export function filterColumns(filters: string, limit = 2): string[] {
  const counts = new Map<string, number>();
  for (const filter of filters.split(' | ')) {
    const seen = new Set<string>();
    for (const match of filter.matchAll(COMPARISON)) {
      const column = match[1]?.toLowerCase();
      if (!column || NOT_COLUMNS.has(column) || seen.has(column)) continue;
      seen.add(column);
      counts.set(column, (counts.get(column) ?? 0) + 1);
    }
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([column]) => column);
}
