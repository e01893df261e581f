/** Rules every library query must follow, checked on its text and definitions. */
import { describe, expect, it } from 'vitest';
import { bindParameters } from '../params/bind';
import { maskSqlLiterals } from '../sql/mask';
import { parameterReferences } from '../params/placeholders';
import { LIBRARY, findLibraryQuery, isUnchangedLibraryQuery } from './catalog';
import { defaultValues } from './parameters';
import { scopeCounts } from './scope-check';

const context = { clusters: ['c1', 'c2'], today: '2026-11-01' };
const TABLES = ['stl_query', 'stl_querytext', 'stl_ddltext', 'stl_utilitytext', 'stl_explain', 'stl_scan', 'stl_wlm_query', 'stl_alert_event_log'];

/** The SQL without comments and string literals, so rules look at code only. */
function code(sql: string): string {
  return maskSqlLiterals(sql);
}

describe('the library', () => {
  it('has at least 12 queries with unique ids, answering all 12 questions', () => {
    expect(LIBRARY.length).toBeGreaterThanOrEqual(12);
    expect(new Set(LIBRARY.map((q) => q.id)).size).toBe(LIBRARY.length);
    expect(new Set(LIBRARY.map((q) => q.question))).toEqual(new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]));
    expect(findLibraryQuery('top-statements')?.question).toBe(1);
    expect(findLibraryQuery('nope')).toBeUndefined();
  });

  it.each(LIBRARY)('$id: has a title, a description and tables it really reads', (query) => {
    expect(query.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(query.title.length).toBeGreaterThan(5);
    expect(query.description.length).toBeGreaterThan(150);
    for (const table of query.tables) expect(TABLES).toContain(table);
    const read = [...code(query.sql).matchAll(/\b(?:FROM|JOIN)\s+(stl_\w+)/g)].map((m) => m[1]);
    expect(new Set(read)).toEqual(new Set(query.tables));
  });

  it.each(LIBRARY)('$id: filters every table it reads on the cluster and day parameters', (query) => {
    const counts = scopeCounts(query.sql);
    expect(counts.reads).toBeGreaterThan(0);
    expect(counts).toEqual({ reads: counts.reads, clusterFilters: counts.reads, dayFilters: counts.reads });
  });

  it.each(LIBRARY)('$id: defines every parameter it uses, with defaults that bind', (query) => {
    const defs = query.parameters(context);
    const names = defs.map((d) => d.name);
    for (const ref of parameterReferences(query.sql)) expect(names).toContain(ref.name);
    expect(names.slice(0, 2)).toEqual(['clusters', 'days']);
    const bound = bindParameters(query.sql, defs, defaultValues(defs));
    expect(bound).toMatchObject({ ok: true });
    if (bound.ok) {
      expect(bound.sql).toContain("clusterid IN ('c1', 'c2')");
      expect(bound.sql).toContain("startdate BETWEEN DATE '2026-10-26' AND DATE '2026-11-01'");
    }
  });

  it.each(LIBRARY)('$id: joins on the cluster whenever it joins on the query id', (query) => {
    // Each ON clause runs to the next clause keyword; a query-id match must come with a cluster match.
    for (const match of code(query.sql).matchAll(/\bON\b([\s\S]*?)(?=\b(?:LEFT|JOIN|WHERE|GROUP|ORDER|QUALIFY|SELECT|UNION)\b|\)\s*,|$)/g)) {
      const clause = match[1] ?? '';
      if (/\.query\s*=/.test(clause)) expect(clause).toMatch(/(\w+)\.clusterid\s*=\s*(\w+)\.clusterid/);
    }
  });

  it.each(LIBRARY)('$id: never groups by protected text', (query) => {
    for (const match of code(query.sql).matchAll(/GROUP BY ([^\n]*)/g)) {
      expect(match[1]).not.toMatch(/querytxt|\btext\b/);
    }
  });

  it.each(LIBRARY)('$id: trims the blank-padded CHAR columns it reads', (query) => {
    const sql = code(query.sql);
    // Later CTEs reuse these names for the trimmed values, so the check is that the table column is trimmed where read.
    for (const column of ['event', 'solution', 'perm_table_name', 'plannode', 'label', 'database', 'final_state']) {
      if (!new RegExp(`\\b${column}\\b`).test(sql)) continue;
      // A long padded text may be cut first (`trim(split_part(event, ...))`): the padding is never trimmed row by row.
      expect(sql).toMatch(new RegExp(`trim\\((?:split_part\\()?(?:\\w+\\.)?${column}\\b`));
    }
  });
});

describe('isUnchangedLibraryQuery', () => {
  it('recognises a built-in query as opened, and nothing edited', () => {
    const query = LIBRARY[0];
    expect(query).toBeDefined();
    if (!query) return;
    expect(isUnchangedLibraryQuery(query.sql)).toBe(true);
    expect(isUnchangedLibraryQuery(`  ${query.sql};\n`)).toBe(true);
    expect(isUnchangedLibraryQuery(`${query.sql}\nLIMIT 5`)).toBe(false);
    expect(isUnchangedLibraryQuery('SELECT count(*) FROM stl_query')).toBe(false);
  });
});
