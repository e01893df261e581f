import { describe, expect, it } from 'vitest';
import type { CatalogFile } from '../lib/catalog/types';
import { LIBRARY } from '../lib/library/catalog';
import { buildSuite, inScope, suiteScopes } from './suite';

const facts = { clusters: ['staging-usw2', 'prod-analytics-use1', 'prod-etl-use1'], lastDay: '2026-11-01' };

function file(clusterid: string, startdate: string): CatalogFile {
  return { path: 'x.parquet', size: 1, modified: '', partition: { clusterid, startdate } };
}

describe('suite', () => {
  it('binds every library query in both scopes, with no placeholder left', () => {
    const suite = buildSuite(facts);
    expect(suite).toHaveLength(LIBRARY.length * 2);
    for (const q of suite) expect(q.sql).not.toMatch(/\{\{/);
    expect(new Set(suite.map((q) => q.key)).size).toBe(suite.length);
  });

  it('scopes all clusters over the last 7 days, and one cluster on one weekday', () => {
    const [fleet, one] = suiteScopes(facts);
    expect(fleet).toMatchObject({ id: 'fleet-7d', clusters: ['prod-analytics-use1', 'prod-etl-use1', 'staging-usw2'], days: { start: '2026-10-26', end: '2026-11-01' } });
    expect(one).toMatchObject({ id: 'cluster-day', clusters: ['prod-analytics-use1'], days: { start: '2026-10-30', end: '2026-10-30' } });
    const sql = buildSuite(facts, 'top-statements@cluster-day')[0]?.sql ?? '';
    expect(sql).toContain("'prod-analytics-use1'");
    expect(sql).not.toContain("'prod-etl-use1'");
  });

  it('keeps only the partitions a scope selects', () => {
    const [fleet, one] = suiteScopes(facts);
    if (!fleet || !one) throw new Error('two scopes expected');
    expect(inScope(file('prod-etl-use1', '2026-10-26'), fleet)).toBe(true);
    expect(inScope(file('prod-etl-use1', '2026-10-25'), fleet)).toBe(false);
    expect(inScope(file('prod-etl-use1', '2026-10-30'), one)).toBe(false);
    expect(inScope(file('prod-analytics-use1', '2026-10-30'), one)).toBe(true);
  });
});
