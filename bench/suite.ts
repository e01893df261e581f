/**
 * The benchmark suite: every diagnostic library query and every shipped
 * dashboard tile, bound to fixed parameters, in two
 * scopes: all clusters over the dataset's last 7 days, and one cluster on
 * one day.
 */

import type { CatalogFile } from '../lib/catalog/types';
import { LIBRARY, isUnchangedLibraryQuery } from '../lib/library/catalog';
import { bindTileSql, effectiveFilterValues } from '../lib/dashboards/filter-binding';
import { dashboardFiltersSchema, type DashboardFilters } from '../lib/dashboards/schema';
import { SHIPPED_DASHBOARDS, isShippedTileSql } from '../lib/dashboards/shipped';
import { EMPTY_URL_STATE } from '../lib/dashboards/url-state';
import { defaultValues } from '../lib/library/parameters';
import type { LibraryQuery } from '../lib/library/types';
import { bindParameters, describeParamErrors } from '../lib/params/bind';
import { addDays } from '../lib/params/dates';

/** The partitions a scope selects. */
export interface Scope {
  id: 'fleet-7d' | 'cluster-day';
  clusters: string[];
  days: { start: string; end: string };
}

/** One statement of the suite, ready to run. */
export interface BenchQuery {
  /** `<source>:<id>@<scope>`, stable across runs so results can be compared. */
  key: string;
  title: string;
  scope: Scope;
  sql: string;
  /** Run the way the product runs it: the console trusts an unchanged library query's filters, a dashboard a shipped tile's. */
  trustedPartitionFilters: boolean;
}

/** What the suite needs to know of the dataset. */
export interface DatasetFacts {
  clusters: string[];
  lastDay: string;
}

/** The two scopes of the issue, from the dataset's clusters and last day. */
export function suiteScopes(facts: DatasetFacts): Scope[] {
  const clusters = [...facts.clusters].sort();
  // A weekday two days before the end: a full day of every workload.
  const one = clusters.includes('prod-analytics-use1') ? 'prod-analytics-use1' : (clusters[0] ?? '');
  const day = addDays(facts.lastDay, -2);
  return [
    { id: 'fleet-7d', clusters, days: { start: addDays(facts.lastDay, -6), end: facts.lastDay } },
    { id: 'cluster-day', clusters: [one], days: { start: day, end: day } },
  ];
}

function bindLibrary(query: LibraryQuery, scope: Scope, facts: DatasetFacts): string {
  const defs = query.parameters({ clusters: facts.clusters, today: facts.lastDay });
  const bound = bindParameters(query.sql, defs, { ...defaultValues(defs), clusters: scope.clusters, days: scope.days });
  if (!bound.ok) throw new Error(`${query.id}: ${describeParamErrors(bound.errors)}`);
  return bound.sql;
}

/** One tile of a shipped dashboard, with the filters its dashboard binds it with. */
export interface SuiteTile {
  /** `<dashboard id>/<tile id>`. */
  id: string;
  title: string;
  sql: string;
  filters: DashboardFilters;
}

/** Every tile of every shipped dashboard (`lib/dashboards/shipped.ts`), in dashboard and tile order. */
export function dashboardTiles(): SuiteTile[] {
  return [...SHIPPED_DASHBOARDS].flatMap(([dashboardId, dashboard]) => {
    const filters = dashboardFiltersSchema.parse(dashboard.filters ?? {});
    return (dashboard.tiles ?? []).map((tile) => ({ id: `${dashboardId}/${tile.id}`, title: tile.title, sql: tile.source.sql, filters }));
  });
}

/**
 * A tile's SQL bound the way its dashboard binds it (`bindTileSql`, the view's
 * own `effectiveFilterValues`): the scope's clusters and days as if chosen in
 * the filter bar, every free parameter at its default.
 */
function bindTile(tile: SuiteTile, scope: Scope, facts: DatasetFacts): string {
  const catalog = { clusters: facts.clusters, days: [facts.lastDay], version: 'bench' };
  const state = { ...EMPTY_URL_STATE, clusters: scope.clusters, days: scope.days };
  const bound = bindTileSql(tile.sql, tile.filters, effectiveFilterValues(tile.filters, catalog, state, facts.lastDay));
  if ('error' in bound) throw new Error(`${tile.id}: ${bound.error}`);
  return bound.sql;
}

/** Every suite statement in both scopes; `only` keeps the keys that contain it. */
export function buildSuite(facts: DatasetFacts, only?: string): BenchQuery[] {
  const out: BenchQuery[] = [];
  for (const scope of suiteScopes(facts)) {
    for (const query of LIBRARY) {
      const sql = bindLibrary(query, scope, facts);
      out.push({ key: `library:${query.id}@${scope.id}`, title: query.title, scope, sql, trustedPartitionFilters: isUnchangedLibraryQuery(query.sql) });
    }
    for (const tile of dashboardTiles()) {
      out.push({
        key: `tile:${tile.id}@${scope.id}`,
        title: tile.title,
        scope,
        sql: bindTile(tile, scope, facts),
        trustedPartitionFilters: isShippedTileSql(tile.sql),
      });
    }
  }
  return only ? out.filter((q) => q.key.includes(only)) : out;
}

/** Whether a file lies in the partitions a scope selects. */
export function inScope(file: CatalogFile, scope: Scope): boolean {
  const cluster = file.partition.clusterid;
  const day = file.partition.startdate;
  if (cluster === undefined || day === undefined) return true;
  return scope.clusters.includes(cluster) && day >= scope.days.start && day <= scope.days.end;
}
