/**
 * The chart registry, React half: the renderer and the type-specific editor
 * of each chart type. The pure half (label, defaults, shaping) is
 * `lib/charts/registry.ts`.
 */
import type { ComponentType } from 'react';
import type { ChartType } from '@/lib/charts/config';
import type { ChartDataByType } from '@/lib/charts/registry';
import { CartesianChartView } from './CartesianChartView';
import { HeatmapView } from './HeatmapView';
import { HeatmapEditor } from './HeatmapEditor';
import { KpiView } from './KpiView';
import { PieChartView } from './PieChartView';
import { PieEditor } from './PieEditor';
import { ScatterChartView } from './ScatterChartView';
import { StackingEditor } from './StackingEditor';
import { TableChartView } from './TableChartView';
import type { EditorProps, RendererProps } from './renderer-props';

export interface ChartViewEntry<T extends ChartType> {
  Renderer: ComponentType<RendererProps<ChartDataByType[T]>>;
  /** Options only this type has; null when the common controls say everything. */
  Editor: ComponentType<EditorProps> | null;
}

export const CHART_VIEWS: { [T in ChartType]: ChartViewEntry<T> } = {
  line: { Renderer: CartesianChartView, Editor: null },
  area: { Renderer: CartesianChartView, Editor: StackingEditor },
  bar: { Renderer: CartesianChartView, Editor: StackingEditor },
  pie: { Renderer: PieChartView, Editor: PieEditor },
  scatter: { Renderer: ScatterChartView, Editor: null },
  kpi: { Renderer: KpiView, Editor: null },
  heatmap: { Renderer: HeatmapView, Editor: HeatmapEditor },
  table: { Renderer: TableChartView, Editor: null },
};
