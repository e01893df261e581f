'use client';

import type { ReactNode } from 'react';
import { formatValue } from '@/lib/charts/format';
import type { HeatmapData } from '@/lib/charts/types';
import { heatFill } from './chart-theme';
import styles from './charts.module.css';
import type { RendererProps } from './renderer-props';

const LEFT = 110;
const TOP = 8;
const BOTTOM = 40;
const MIN_CELL = 14;

/** A grid of X × Y cells shaded by value; each cell's title gives its exact value. */
export function HeatmapView({ data, name, height }: RendererProps<HeatmapData>): ReactNode {
  const columns = Math.max(1, data.xLabels.length);
  const rows = Math.max(1, data.yLabels.length);
  const cellHeight = Math.max(MIN_CELL, Math.floor((height - TOP - BOTTOM) / rows));
  const cellWidth = Math.max(MIN_CELL, 28);
  const width = LEFT + columns * cellWidth + 8;
  const svgHeight = TOP + rows * cellHeight + BOTTOM;
  const labelEvery = Math.max(1, Math.ceil(columns / 24));
  return (
    <div className={styles.heatmap}>
      <svg role="img" aria-label={name} width={width} height={svgHeight}>
        {data.yLabels.map((label, y) => (
          <text key={`y${label}`} x={LEFT - 6} y={TOP + y * cellHeight + cellHeight / 2} textAnchor="end" dominantBaseline="middle">
            {label.length > 16 ? `${label.slice(0, 15)}…` : label}
          </text>
        ))}
        {data.xLabels.map((label, x) =>
          x % labelEvery === 0 ? (
            <text key={`x${label}`} x={LEFT + x * cellWidth + cellWidth / 2} y={TOP + rows * cellHeight + 14} textAnchor="middle">
              {label}
            </text>
          ) : null,
        )}
        {data.values.map((line, y) =>
          line.map((value, x) =>
            value === null ? null : (
              <rect
                key={`${x}:${y}`}
                x={LEFT + x * cellWidth}
                y={TOP + y * cellHeight}
                width={cellWidth - 1}
                height={cellHeight - 1}
                fill={heatFill(value, data.min, data.max)}
              >
                <title>{`${data.yLabels[y]} · ${data.xLabels[x]}: ${formatValue(value, data.format)}`}</title>
              </rect>
            ),
          ),
        )}
        <text x={LEFT} y={svgHeight - 6}>
          {`${data.x.name} → · ${data.y.name} ↓ · ${data.measure} ${formatValue(data.min, data.format)} – ${formatValue(data.max, data.format)}`}
        </text>
      </svg>
    </div>
  );
}
