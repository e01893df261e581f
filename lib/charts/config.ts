/**
 * The chart configuration: what a chart shows, independent of the data. It is
 * stored with saved queries and dashboard tiles and carried in share URLs, so it
 * is plain JSON, validated on every read, and versioned by its schema.
 */
import { z } from '@/lib/validation/zod';

/** Every chart type the registry knows, in the order the builder offers them. */
export const CHART_TYPES = ['line', 'area', 'bar', 'pie', 'scatter', 'kpi', 'heatmap', 'table'] as const;
export type ChartType = (typeof CHART_TYPES)[number];

/** How a measure is combined when several rows share an X (and series) value. */
export const AGGREGATIONS = ['none', 'sum', 'avg', 'min', 'max', 'count'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];

/** How the values of a measure are written. `auto` reads the column name (e.g. `*_us` → duration). */
export const VALUE_FORMATS = ['auto', 'number', 'percent', 'duration-us', 'duration-ms', 'duration-s', 'bytes'] as const;
export type ValueFormat = (typeof VALUE_FORMATS)[number];

const columnName = z.string().min(1).max(256);

export const chartConfigSchema = z.strictObject({
  type: z.enum(CHART_TYPES),
  title: z.string().max(200).optional(),
  /** The category or time column; for a heatmap, its horizontal axis. */
  x: columnName.optional(),
  /** The heatmap's vertical axis. */
  y: columnName.optional(),
  /** Numeric columns drawn as values (a heatmap or KPI uses the first). */
  measures: z.array(columnName).max(20).default([]),
  /** A column whose values split the measures into coloured series. */
  series: columnName.optional(),
  aggregation: z.enum(AGGREGATIONS).default('none'),
  format: z.enum(VALUE_FORMATS).default('auto'),
  /** Bars on top of each other rather than side by side (bar and area). */
  stacked: z.boolean().default(false),
  /** Bars drawn along the horizontal axis. */
  horizontal: z.boolean().default(false),
  /** A pie with a hole. */
  donut: z.boolean().default(false),
  /** The most points a chart draws before it says it capped them. */
  maxPoints: z.number().int().min(10).max(100_000).default(5_000),
});

/** A validated chart configuration (defaults filled in). */
export type ChartConfig = z.infer<typeof chartConfigSchema>;
/** What a caller may write: defaults may be omitted. */
export type ChartConfigInput = z.input<typeof chartConfigSchema>;
