'use client';

import type { ReactNode } from 'react';
import { formatPercent, formatValue } from '@/lib/charts/format';
import type { KpiData } from '@/lib/charts/types';
import styles from './charts.module.css';
import type { RendererProps } from './renderer-props';

function changeText(data: KpiData): { text: string; tone: string } | null {
  if (data.change === null) return null;
  const arrow = data.change > 0 ? '▲' : data.change < 0 ? '▼' : '■';
  const tone = data.change > 0 ? styles.up : data.change < 0 ? styles.down : styles.flat;
  const against = data.previousLabel ? ` vs ${data.previousLabel}` : ' vs previous period';
  return {
    text: `${arrow} ${data.change > 0 ? '+' : ''}${formatPercent(data.change)}${against} (${formatValue(data.previous, data.format)})`,
    tone: tone ?? '',
  };
}

/** A big number with its change against the previous period. */
export function KpiView({ data, name, height }: RendererProps<KpiData>): ReactNode {
  const change = changeText(data);
  return (
    <figure
      role="img"
      aria-label={`${name}: ${formatValue(data.value, data.format)}`}
      className={styles.kpi}
      style={{ minHeight: Math.min(height, 160), margin: 0 }}
    >
      <span className={styles.kpiValue}>{formatValue(data.value, data.format)}</span>
      <span className={styles.kpiMeasure}>
        {data.measure}
        {data.periodLabel ? ` · ${data.periodLabel}` : ''}
      </span>
      {change ? <span className={change.tone}>{change.text}</span> : null}
    </figure>
  );
}
