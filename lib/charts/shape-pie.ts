/** Pie and donut data: one slice per X value, the largest first, the long tail merged into "Other". */
import type { ResultSet } from '../engine/result-set';
import type { ChartConfig } from './config';
import { totalsBy } from './keys';
import { resolveColumns } from './resolve';
import type { PieData, PieSlice, Shaped } from './types';

/** Slices drawn before the rest becomes "Other": more are unreadable. */
export const MAX_SLICES = 12;

/** Shapes a result into pie slices by X, using the first measure. */
export function toPie(config: ChartConfig, result: ResultSet): Shaped<PieData> {
  const resolved = resolveColumns(result, config, { x: 'required', measure: true });
  if (!resolved.ok) return resolved;
  const { x, measures, rows, cap } = resolved.data;
  const measure = measures[0];
  if (!x || !measure) return { ok: false, message: 'Pick a column for X and a measure.' };
  // A pie shows totals per slice: several rows of one category add up.
  const aggregation = config.aggregation === 'none' ? 'sum' : config.aggregation;
  const totals = totalsBy(result, rows, x, measure, aggregation);
  // A pie shows parts of a whole: empty and negative parts have no slice.
  const slices: PieSlice[] = [...totals.values()]
    .map(({ at, sum }) => ({ label: at.label, value: sum.value(aggregation) ?? 0, select: at.select, other: false }))
    .filter((slice) => slice.value > 0)
    .sort((a, b) => b.value - a.value);
  if (slices.length > MAX_SLICES) {
    const rest = slices.splice(MAX_SLICES - 1);
    slices.push({ label: `Other (${rest.length})`, value: rest.reduce((sum, slice) => sum + slice.value, 0), select: null, other: true });
  }
  return { ok: true, data: { kind: 'pie', x: x.column, measure: measure.name, format: measure.format, slices, cap } };
}
