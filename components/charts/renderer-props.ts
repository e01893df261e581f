/**
 * What every chart renderer and editor receives; shared by the registry of
 * React parts (`chart-views.ts`) and each renderer.
 */
import type { ChartConfig } from '@/lib/charts/config';
import type { ResultColumn } from '@/lib/engine/result-set';

/** A click on a bar or a slice: the category column and the clicked value (dashboards cross-filter with it). */
export interface ChartSelection {
  column: string;
  value: string | number | null;
}

export interface RendererProps<D> {
  data: D;
  config: ChartConfig;
  /** The accessible name of the drawing. */
  name: string;
  height: number;
  onSelect?: (selection: ChartSelection) => void;
}

export interface EditorProps {
  config: ChartConfig;
  columns: readonly ResultColumn[];
  onChange: (config: ChartConfig) => void;
}
