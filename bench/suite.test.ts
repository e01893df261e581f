import { describe, expect, it } from 'vitest';
import type { CatalogFile } from '../lib/catalog/types';
import { SHIPPED_DASHBOARDS } from '../lib/dashboards/shipped';
import { LIBRARY } from '../lib/library/catalog';
import { buildSuite, dashboardTiles, inScope, suiteScopes } from './suite';

const facts = { clusters: ['staging-usw2', 'prod-analytics-use1', 'prod-etl-use1'], lastDay: '2026-11-01' };

function file(clusterid: string, startdate: string): CatalogFile {
  return { path: 'x.parquet', size: 1, modified: '', partition: { clusterid, startdate } };
}

describe('suite', () => {
  it('binds every library query and every shipped dashboard tile in both scopes, with no placeholder left', () => {
    const tiles = [...SHIPPED_DASHBOARDS.values()].reduce((n, d) => n + (d.tiles?.length ?? 0), 0);
    expect(tiles).toBeGreaterThanOrEqual(13);
    const suite = buildSuite(facts);
    expect(suite).toHaveLength((LIBRARY.length + tiles) * 2);
    expect(suite.filter((q) => q.key.startsWith('tile:fleet-overview/')).length).toBe(2 * (SHIPPED_DASHBOARDS.get('fleet-overview')?.tiles?.length ?? 0));
    for (const q of suite) expect(q.sql).not.toMatch(/\{\{/);
    expect(new Set(suite.map((q) => q.key)).size).toBe(suite.length);
  });

  it('scopes all clusters over the last 7 days, and one cluster on one weekday', () => {
    const [fleet, one] = suiteScopes(facts);
    expect(fleet).toMatchObject({
      id: 'fleet-7d',
      clusters: ['prod-analytics-use1', 'prod-etl-use1', 'staging-usw2'],
      days: { start: '2026-10-26', end: '2026-11-01' },
    });
    expect(one).toMatchObject({ id: 'cluster-day', clusters: ['prod-analytics-use1'], days: { start: '2026-10-30', end: '2026-10-30' } });
    const sql = buildSuite(facts, 'top-statements@cluster-day')[0]?.sql ?? '';
    expect(sql).toContain("'prod-analytics-use1'");
    expect(sql).not.toContain("'prod-etl-use1'");
  });

  it('binds tiles with the dashboard filters: the scope as chosen clusters and days, free parameters at their defaults', () => {
    expect(dashboardTiles().map((t) => t.id)).toContain('alerts-table-health/selective');
    const selective = buildSuite(facts, 'tile:alerts-table-health/selective@cluster-day')[0]?.sql ?? '';
    expect(selective).toContain('< 0.05');
    expect(selective).toContain("clusterid IN ('prod-analytics-use1')");
    expect(selective).toContain("BETWEEN DATE '2026-10-30' AND DATE '2026-10-30'");
    const daily = buildSuite(facts, 'tile:fleet-overview/daily@fleet-7d')[0]?.sql ?? '';
    expect(daily).toContain("clusterid IN ('prod-analytics-use1', 'prod-etl-use1', 'staging-usw2')");
    expect(daily).toContain("BETWEEN DATE '2026-10-26' AND DATE '2026-11-01'");
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
