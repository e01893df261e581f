/**
 * What the pure shaping functions hand to renderers: one data type per chart
 * family, plus the cap notice and the "column missing" outcome.
 */
import type { ResultColumn } from '../engine/result-set';
import type { AxisKind } from './columns';
import type { ResolvedFormat } from './format';

/** Set when a chart shows fewer points than the data has. */
export interface PointCap {
  shown: number;
  total: number;
}

/** A shaping outcome: the data, or a message saying why this result cannot be drawn with this configuration. */
export type Shaped<T> = { ok: true; data: T } | { ok: false; message: string };

/** One drawn series: a measure, optionally for one value of the series column. */
export interface SeriesInfo {
  /** The key in each row (never the column name: recharts reads dots in keys as paths). */
  key: string;
  label: string;
  measure: string;
  format: ResolvedFormat;
}

/** Reserved row keys: the plotted X, its label, and the value a click selects. */
export const X_KEY = '__x';
export const LABEL_KEY = '__label';
export const SELECT_KEY = '__select';

/** One X position: its plotted value, label, selection value, and one value per series key. */
export type ChartRow = Record<string, number | string | null>;

export interface CartesianData {
  kind: 'cartesian';
  x: ResultColumn;
  xAxis: AxisKind;
  rows: ChartRow[];
  series: SeriesInfo[];
  /** Series not drawn because there were too many. */
  hiddenSeries: number;
  cap: PointCap | null;
}

export interface PieSlice {
  label: string;
  value: number;
  /** Null for the merged "Other" slice, which cannot be selected. */
  select: string | number | null;
  other: boolean;
}

export interface PieData {
  kind: 'pie';
  x: ResultColumn;
  measure: string;
  format: ResolvedFormat;
  slices: PieSlice[];
  cap: PointCap | null;
}

export interface ScatterData {
  kind: 'scatter';
  x: ResultColumn;
  xAxis: AxisKind;
  xFormat: ResolvedFormat;
  measure: string;
  format: ResolvedFormat;
  /** Points per series: `x` is ms for time axes. */
  groups: { label: string; points: { x: number; y: number }[] }[];
  hiddenSeries: number;
  cap: PointCap | null;
}

export interface KpiData {
  kind: 'kpi';
  measure: string;
  format: ResolvedFormat;
  value: number | null;
  /** The previous period's value, when the result has one. */
  previous: number | null;
  /** Relative change against `previous` (0.1 = +10 %), null when not computable. */
  change: number | null;
  /** What `value` and `previous` are, e.g. the two latest X labels. */
  periodLabel: string | null;
  previousLabel: string | null;
  cap: PointCap | null;
}

export interface HeatmapData {
  kind: 'heatmap';
  x: ResultColumn;
  y: ResultColumn;
  measure: string;
  format: ResolvedFormat;
  xLabels: string[];
  yLabels: string[];
  /** values[yIndex][xIndex], null where the result has no row. */
  values: (number | null)[][];
  min: number;
  max: number;
  cap: PointCap | null;
}

export interface TableData {
  kind: 'table';
  columns: ResultColumn[];
  formats: (ResolvedFormat | null)[];
  /** Cells as display text. */
  rows: string[][];
  cap: PointCap | null;
}
