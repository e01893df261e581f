'use client';

import type { ReactNode } from 'react';
import { Legend, Pie, PieChart, Tooltip } from 'recharts';
import { formatValue } from '@/lib/charts/format';
import { colorAt } from '@/lib/charts/palette';
import { OTHER_FILL, SLICE_STROKE, TOOLTIP_PROPS } from './chart-theme';
import type { PieData, PieSlice } from '@/lib/charts/types';
import type { RendererProps } from './renderer-props';

/** A pie or donut; clicking a slice selects its category (the merged "Other" slice selects nothing). */
export function PieChartView({ data, config, name, height, onSelect }: RendererProps<PieData>): ReactNode {
  const slices = data.slices.map((slice, index) => ({ ...slice, fill: slice.other ? OTHER_FILL : colorAt(index) }));
  const radius = Math.max(40, Math.floor(height / 2) - 40);
  return (
    <PieChart role="img" aria-label={name} style={{ width: '100%', height }} responsive>
      <Pie
        data={slices}
        dataKey="value"
        nameKey="label"
        stroke={SLICE_STROKE}
        outerRadius={radius}
        innerRadius={config.donut ? Math.floor(radius * 0.55) : 0}
        isAnimationActive={false}
        cursor={onSelect ? 'pointer' : undefined}
        onClick={(item) => {
          const slice = item.payload as PieSlice | undefined;
          if (onSelect && slice && !slice.other) onSelect({ column: data.x.name, value: slice.select });
        }}
      />
      <Tooltip {...TOOLTIP_PROPS} formatter={(value) => (typeof value === 'number' ? formatValue(value, data.format) : String(value))} />
      <Legend />
    </PieChart>
  );
}
