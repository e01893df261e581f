/**
 * KPI data: one number and its change against the previous period. With an X
 * column the rows are grouped by period and the latest two are compared;
 * without one the first measure's value (aggregated over the rows) is shown
 * and a second measure, when given, is the previous period's value.
 */
import type { ResultSet } from '../engine/result-set';
import type { ChartConfig } from './config';
import { Accumulator } from './aggregate';
import { measureValue, sortPositions, totalsBy } from './keys';
import { resolveColumns } from './resolve';
import type { KpiData, Shaped } from './types';

/** Relative change from `previous` to `value`; null when there is no base to compare with. */
export function relativeChange(value: number | null, previous: number | null): number | null {
  if (value === null || previous === null || previous === 0) return null;
  return (value - previous) / Math.abs(previous);
}

/** Shapes a result into one KPI. */
export function toKpi(config: ChartConfig, result: ResultSet): Shaped<KpiData> {
  const resolved = resolveColumns(result, config, { x: 'optional', measure: true });
  if (!resolved.ok) return resolved;
  const { x, measures, rows, cap } = resolved.data;
  const measure = measures[0];
  if (!measure) return { ok: false, message: 'Pick a measure.' };
  // A KPI sums whole periods unless told otherwise; "none" would keep an arbitrary row.
  const aggregation = config.aggregation === 'none' ? (x ? 'sum' : 'none') : config.aggregation;
  const base = { kind: 'kpi', measure: measure.name, format: measure.format, cap } as const;
  if (x) {
    const periods = totalsBy(result, rows, x, measure, aggregation);
    const ordered = sortPositions(
      [...periods.values()].map((entry) => entry.at),
      true,
    );
    const last = ordered.at(-1);
    const before = ordered.at(-2);
    const value = last ? (periods.get(last.key)?.sum.value(aggregation) ?? null) : null;
    const previous = before ? (periods.get(before.key)?.sum.value(aggregation) ?? null) : null;
    return {
      ok: true,
      data: { ...base, value, previous, change: relativeChange(value, previous), periodLabel: last?.label ?? null, previousLabel: before?.label ?? null },
    };
  }
  const total = new Accumulator();
  for (let row = 0; row < rows; row += 1) total.add(measureValue(result, row, measure, aggregation));
  const value = aggregation === 'none' ? measureValue(result, 0, measure, aggregation) : total.value(aggregation);
  const second = measures[1];
  const previous = second && rows > 0 ? measureValue(result, 0, second, 'none') : null;
  return {
    ok: true,
    data: {
      ...base,
      value: rows > 0 ? value : null,
      previous,
      change: relativeChange(value, previous),
      periodLabel: null,
      previousLabel: second?.name ?? null,
    },
  };
}
