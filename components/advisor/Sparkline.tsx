import type { ReactNode } from 'react';
import type { DayValue } from '@/lib/advisor/types';
import { addDays } from '@/lib/params/dates';

export interface SparklineProps {
  trend: readonly DayValue[];
  /** Every day of the scope, so quiet days show as zero rather than being skipped. */
  days: { start: string; end: string };
  label: string;
}

const WIDTH = 120;
const HEIGHT = 28;

/** The impact per day as a small inline line; days without any are drawn at zero. */
export function Sparkline({ trend, days, label }: SparklineProps): ReactNode {
  const byDay = new Map(trend.map((point) => [point.day, point.us]));
  const values: number[] = [];
  for (let day = days.start; day <= days.end && values.length < 400; day = addDays(day, 1)) values.push(byDay.get(day) ?? 0);
  const max = Math.max(...values, 1);
  const step = values.length > 1 ? WIDTH / (values.length - 1) : 0;
  const points = values.map((value, i) => `${(i * step).toFixed(1)},${(HEIGHT - 2 - (value / max) * (HEIGHT - 4)).toFixed(1)}`).join(' ');
  return (
    <svg role="img" aria-label={label} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT} className="sparkline">
      <polyline points={points} fill="none" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}
