'use client';

import type { ReactNode } from 'react';
import { CartesianGrid, Legend, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import { formatTimeMs, formatValue } from '@/lib/charts/format';
import { colorAt } from '@/lib/charts/palette';
import { AXIS_PROPS, GRID_PROPS, TOOLTIP_PROPS } from './chart-theme';
import type { ScatterData } from '@/lib/charts/types';
import type { RendererProps } from './renderer-props';

/** One dot per row, coloured by series. */
export function ScatterChartView({ data, name, height }: RendererProps<ScatterData>): ReactNode {
  const xText = (value: unknown): string =>
    typeof value !== 'number' ? String(value) : data.xAxis === 'time' ? formatTimeMs(value) : formatValue(value, data.xFormat);
  return (
    <ScatterChart role="img" aria-label={name} style={{ width: '100%', height }} responsive>
      <CartesianGrid {...GRID_PROPS} />
      <XAxis
        {...AXIS_PROPS}
        dataKey="x"
        type="number"
        name={data.x.name}
        scale={data.xAxis === 'time' ? 'time' : 'auto'}
        domain={['dataMin', 'dataMax']}
        tickFormatter={xText}
      />
      <YAxis {...AXIS_PROPS} dataKey="y" type="number" name={data.measure} tickFormatter={(value: number) => formatValue(value, data.format)} width={80} />
      <Tooltip
        {...TOOLTIP_PROPS}
        formatter={(value, label) => (label === data.x.name ? xText(value) : typeof value === 'number' ? formatValue(value, data.format) : String(value))}
      />
      <Legend />
      {data.groups.map((group, index) => (
        <Scatter key={group.label} name={group.label} data={group.points} fill={colorAt(index)} isAnimationActive={false} />
      ))}
    </ScatterChart>
  );
}
