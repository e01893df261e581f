/**
 * recharts draws its furniture (axes, grid, tooltip, brush) in fixed light-theme
 * colours. These props hand it the theme's CSS variables instead, so every chart
 * reads on dark as on light and follows a theme switch without a re-render.
 */

/** XAxis and YAxis: `stroke` colours the axis line, the tick marks and the tick labels. */
export const AXIS_PROPS = { stroke: 'var(--chart-axis)' } as const;

export const GRID_PROPS = { stroke: 'var(--chart-grid)', strokeDasharray: '3 3' } as const;

export const TOOLTIP_PROPS = {
  contentStyle: { backgroundColor: 'var(--panel)', border: '1px solid var(--border)', color: 'var(--text)' },
  cursor: { fill: 'var(--chart-cursor)', stroke: 'var(--chart-grid)' },
} as const;

export const BRUSH_PROPS = { fill: 'var(--panel)', stroke: 'var(--chart-axis)' } as const;

/** Line points: hollow in the page's own colour. */
export const DOT_PROPS = { fill: 'var(--panel)' } as const;

/** The gap between pie slices, in the colour of what lies behind. */
export const SLICE_STROKE = 'var(--panel)';

/** The pie's merged "Other" slice. */
export const OTHER_FILL = 'var(--chart-other)';

/** A heatmap cell's fill: from --heat-low to --heat-high by the value's place between min and max. */
export function heatFill(value: number, min: number, max: number): string {
  const share = max > min ? (value - min) / (max - min) : 1;
  const percent = Math.round(share * 1000) / 10;
  return `color-mix(in srgb, var(--heat-high) ${percent}%, var(--heat-low))`;
}
