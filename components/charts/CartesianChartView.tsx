'use client';

import type { ReactNode } from 'react';
import { Area, AreaChart, Bar, BarChart, Brush, CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { formatTimeMs, formatValue, type ResolvedFormat } from '@/lib/charts/format';
import { colorAt } from '@/lib/charts/palette';
import { AXIS_PROPS, BRUSH_PROPS, DOT_PROPS, GRID_PROPS, TOOLTIP_PROPS } from './chart-theme';
import { LABEL_KEY, SELECT_KEY, X_KEY, type CartesianData, type ChartRow } from '@/lib/charts/types';
import type { RendererProps } from './renderer-props';

/** Points drawn with dots; above this a line is clearer without them. */
const DOT_LIMIT = 60;

function valueText(value: unknown, format: ResolvedFormat): string {
  return typeof value === 'number' ? formatValue(value, format) : String(value ?? '—');
}

/** Line, area and bar charts (grouped or stacked, vertical or horizontal), with legend, tooltip and a brush on time axes. */
export function CartesianChartView({ data, config, name, height, onSelect }: RendererProps<CartesianData>): ReactNode {
  const format = data.series[0]?.format ?? 'number';
  const formats = new Map(data.series.map((series) => [series.key, series.format]));
  const bar = config.type === 'bar';
  // Bars sit on categories; a time axis is numeric so gaps between times stay visible.
  const timeAxis = !bar && data.xAxis === 'time';
  const numberAxis = !bar && data.xAxis === 'number';
  const horizontal = bar && config.horizontal;
  const stacked = config.stacked && config.type !== 'line';
  const xTick = (value: unknown): string => (timeAxis && typeof value === 'number' ? formatTimeMs(value) : String(value));
  const categoryAxis = horizontal ? (
    <YAxis {...AXIS_PROPS} dataKey={LABEL_KEY} type="category" width={120} />
  ) : (
    <XAxis
      {...AXIS_PROPS}
      dataKey={timeAxis || numberAxis ? X_KEY : LABEL_KEY}
      type={timeAxis || numberAxis ? 'number' : 'category'}
      scale={timeAxis ? 'time' : 'auto'}
      domain={timeAxis || numberAxis ? ['dataMin', 'dataMax'] : undefined}
      tickFormatter={xTick}
    />
  );
  const valueAxis = horizontal ? (
    <XAxis {...AXIS_PROPS} type="number" tickFormatter={(value: number) => formatValue(value, format)} />
  ) : (
    <YAxis {...AXIS_PROPS} tickFormatter={(value: number) => formatValue(value, format)} width={format.startsWith('duration') ? 100 : 80} />
  );
  const select = (row: ChartRow | undefined): void => {
    if (onSelect && row) onSelect({ column: data.x.name, value: row[SELECT_KEY] ?? null });
  };
  const common = (
    <>
      <CartesianGrid {...GRID_PROPS} />
      {categoryAxis}
      {valueAxis}
      <Tooltip
        {...TOOLTIP_PROPS}
        formatter={(value, _name, item) => valueText(value, formats.get(String(item.dataKey)) ?? format)}
        labelFormatter={(label, payload) => String((payload[0]?.payload as ChartRow | undefined)?.[LABEL_KEY] ?? xTick(label))}
      />
      <Legend />
      {data.xAxis === 'time' && data.rows.length > 2 ? <Brush {...BRUSH_PROPS} dataKey={X_KEY} height={24} tickFormatter={xTick} /> : null}
    </>
  );
  const chartProps = { data: data.rows, role: 'img', 'aria-label': name, style: { width: '100%', height }, responsive: true } as const;
  if (config.type === 'line') {
    return (
      <LineChart {...chartProps}>
        {common}
        {data.series.map((series, index) => (
          <Line
            key={series.key}
            dataKey={series.key}
            name={series.label}
            stroke={colorAt(index)}
            dot={data.rows.length <= DOT_LIMIT ? DOT_PROPS : false}
            isAnimationActive={false}
            connectNulls
          />
        ))}
      </LineChart>
    );
  }
  if (config.type === 'area') {
    return (
      <AreaChart {...chartProps}>
        {common}
        {data.series.map((series, index) => (
          <Area
            key={series.key}
            dataKey={series.key}
            name={series.label}
            stroke={colorAt(index)}
            fill={colorAt(index)}
            fillOpacity={0.3}
            stackId={stacked ? 'stack' : undefined}
            isAnimationActive={false}
          />
        ))}
      </AreaChart>
    );
  }
  return (
    <BarChart {...chartProps} layout={horizontal ? 'vertical' : 'horizontal'}>
      {common}
      {data.series.map((series, index) => (
        <Bar
          key={series.key}
          dataKey={series.key}
          name={series.label}
          fill={colorAt(index)}
          stackId={stacked ? 'stack' : undefined}
          isAnimationActive={false}
          cursor={onSelect ? 'pointer' : undefined}
          onClick={(item) => select(item.payload as ChartRow | undefined)}
        />
      ))}
    </BarChart>
  );
}
