/**
 * Dashboard filters to tile SQL. The cluster and day filters and the free
 * parameters become parameter definitions, and `lib/params` binds their values
 * as literals (never SQL): `clusterid IN ('a','b')` and `startdate BETWEEN DATE
 * '…' AND DATE '…'` are constant filters, which is what prunes partitions.
 * Cross-filters wrap a tile's query in an outer `WHERE column = literal`.
 */
import type { ResultColumn } from '../engine/result-set';
import { subqueryBody } from '../sql/statements';
import { addDays } from '../params/dates';
import { bindParameters, describeParamErrors } from '../params/bind';
import { numberLiteral, textLiteral } from '../params/literals';
import type { DateRange, ParamDefinition } from '../params/types';
import type { CatalogFacts } from './catalog-facts';
import type { DashboardFilters } from './schema';
import type { CrossFilter, DashboardUrlState } from './url-state';

export const CLUSTERS_PARAM = 'clusters';
export const DAYS_PARAM = 'days';
/** The column a cross-filter on clusters uses; it sets the cluster filter instead of wrapping tiles. */
export const CLUSTER_COLUMN = 'clusterid';

/** The filter values in effect: the URL's where it has them, else the defaults. */
export interface FilterValues {
  clusters: string[];
  days: DateRange;
  params: Record<string, string | number>;
}

/** Default values: every cluster, the last `defaultDays` days up to the newest partition, the parameters' defaults. */
export function defaultFilterValues(filters: DashboardFilters, facts: CatalogFacts, today: string): FilterValues {
  const end = facts.days.at(-1) ?? today;
  const start = addDays(end, -(filters.defaultDays - 1));
  return {
    clusters: facts.clusters,
    days: { start, end },
    params: Object.fromEntries(filters.parameters.map((parameter) => [parameter.name, parameter.default])),
  };
}

/** The values in effect for a view: the URL state laid over the defaults (unknown parameters are ignored). */
export function effectiveFilterValues(filters: DashboardFilters, facts: CatalogFacts, state: DashboardUrlState, today: string): FilterValues {
  const defaults = defaultFilterValues(filters, facts, today);
  const params = { ...defaults.params };
  for (const parameter of filters.parameters) {
    const text = state.params[parameter.name];
    if (text !== undefined) params[parameter.name] = text;
  }
  return { clusters: state.clusters ?? defaults.clusters, days: state.days ?? defaults.days, params };
}

/** The parameter definitions every tile of the dashboard can use. */
export function filterDefinitions(filters: DashboardFilters, clusters: readonly string[]): ParamDefinition[] {
  return [
    { name: CLUSTERS_PARAM, type: 'multi_select', label: 'Clusters', options: clusters },
    { name: DAYS_PARAM, type: 'date_range', label: 'Days' },
    ...filters.parameters.map((parameter): ParamDefinition => {
      const base = { name: parameter.name, label: parameter.label, default: parameter.default };
      return parameter.type === 'select' ? { ...base, type: 'select', options: parameter.options } : { ...base, type: parameter.type };
    }),
  ];
}

/** Tile SQL with every filter bound, or a message saying which value is wrong. */
export function bindTileSql(sql: string, filters: DashboardFilters, values: FilterValues): { sql: string } | { error: string } {
  const definitions = filterDefinitions(filters, values.clusters);
  const bound = bindParameters(sql, definitions, { [CLUSTERS_PARAM]: values.clusters, [DAYS_PARAM]: values.days, ...values.params });
  return bound.ok ? { sql: bound.sql } : { error: describeParamErrors(bound.errors) };
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function condition(filter: CrossFilter, column: ResultColumn): string {
  const ref = quoteIdentifier(filter.column);
  if (filter.value === null) return `${ref} IS NULL`;
  if (typeof filter.value === 'number') {
    if (!Number.isFinite(filter.value)) return 'FALSE';
    return `${ref} = ${numberLiteral(String(filter.value))}`;
  }
  // A text value on a non-text column (a date or timestamp label) compares as text.
  return column.kind === 'text' ? `${ref} = ${textLiteral(filter.value)}` : `CAST(${ref} AS VARCHAR) = ${textLiteral(filter.value)}`;
}

/** The cross-filters that apply to a result with these columns (clusterid is a dashboard filter, not a wrap). */
export function applicableCrossFilters(crossFilters: readonly CrossFilter[], columns: readonly ResultColumn[]): CrossFilter[] {
  return crossFilters.filter((filter) => filter.column !== CLUSTER_COLUMN && columns.some((column) => column.name === filter.column));
}

/**
 * The tile's bound SQL restricted by the cross-filters that apply to its columns,
 * or the SQL unchanged when none does. The newline before `)` keeps a `--`
 * comment left in the tile's SQL from swallowing the wrapper.
 */
export function withCrossFilters(boundSql: string, crossFilters: readonly CrossFilter[], columns: readonly ResultColumn[]): string {
  const applicable = applicableCrossFilters(crossFilters, columns);
  if (applicable.length === 0) return boundSql;
  const where = applicable.map((filter) => condition(filter, columns.find((column) => column.name === filter.column) as ResultColumn)).join(' AND ');
  const inner = subqueryBody(boundSql);
  return `SELECT * FROM (\n${inner}\n) AS tile WHERE ${where}`;
}
