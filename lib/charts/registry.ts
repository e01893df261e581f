/**
 * The chart registry, pure half: one entry per chart type with its label, the
 * settings it starts from, and the function from a result to its data. The
 * React half (renderer and editor per type) is `components/charts/chart-views.ts`.
 */
import type { ResultSet } from '../engine/result-set';
import type { ChartConfig, ChartType } from './config';
import { toCartesian } from './shape-cartesian';
import { toHeatmap } from './shape-heatmap';
import { toKpi } from './shape-kpi';
import { toPie } from './shape-pie';
import { toScatter } from './shape-scatter';
import { toTable } from './shape-table';
import type { CartesianData, HeatmapData, KpiData, PieData, ScatterData, Shaped, TableData } from './types';

/** The data each chart type draws. */
export interface ChartDataByType {
  line: CartesianData;
  area: CartesianData;
  bar: CartesianData;
  pie: PieData;
  scatter: ScatterData;
  kpi: KpiData;
  heatmap: HeatmapData;
  table: TableData;
}

export interface ChartDefinition<T extends ChartType> {
  type: T;
  label: string;
  /** Settings applied when the user switches to this type. */
  defaults: Partial<ChartConfig>;
  /** Pure: the same configuration and result always give the same data. */
  toSeries: (config: ChartConfig, result: ResultSet) => Shaped<ChartDataByType[T]>;
}

export type ChartRegistry = { [T in ChartType]: ChartDefinition<T> };

export const CHART_REGISTRY: ChartRegistry = {
  line: { type: 'line', label: 'Line', defaults: { stacked: false }, toSeries: toCartesian },
  area: { type: 'area', label: 'Area', defaults: {}, toSeries: toCartesian },
  bar: { type: 'bar', label: 'Bar', defaults: {}, toSeries: toCartesian },
  pie: { type: 'pie', label: 'Pie / donut', defaults: { series: undefined }, toSeries: toPie },
  scatter: { type: 'scatter', label: 'Scatter', defaults: { aggregation: 'none' }, toSeries: toScatter },
  kpi: { type: 'kpi', label: 'KPI', defaults: {}, toSeries: toKpi },
  heatmap: { type: 'heatmap', label: 'Heatmap', defaults: { aggregation: 'sum' }, toSeries: toHeatmap },
  table: { type: 'table', label: 'Table', defaults: {}, toSeries: toTable },
};

/** The data for any configuration: the registry entry of its type applied to the result. */
export function shapeChart<T extends ChartType>(config: ChartConfig & { type: T }, result: ResultSet): Shaped<ChartDataByType[T]> {
  const definition: ChartDefinition<T> = CHART_REGISTRY[config.type];
  return definition.toSeries(config, result);
}

/** A configuration switched to another type, with that type's defaults. */
export function withType(config: ChartConfig, type: ChartType): ChartConfig {
  return { ...config, ...CHART_REGISTRY[type].defaults, type };
}

const KIND_NAMES: Record<ChartType, string> = {
  line: 'Line chart',
  area: 'Area chart',
  bar: 'Bar chart',
  pie: 'Pie chart',
  scatter: 'Scatter chart',
  kpi: 'KPI',
  heatmap: 'Heatmap',
  table: 'Table chart',
};

/** The accessible name of a drawn chart: its title and its kind, e.g. "Queries per hour (Bar chart)". */
export function chartName(config: ChartConfig): string {
  const kind = config.type === 'pie' && config.donut ? 'Donut chart' : KIND_NAMES[config.type];
  const title = config.title?.trim();
  return title ? `${title} (${kind})` : kind;
}
