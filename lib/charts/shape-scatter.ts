/** Scatter data: one point per row (X against the first measure), grouped by the series column. */
import type { ResultSet } from '../engine/result-set';
import type { ChartConfig } from './config';
import { axisKind, timeToMs, toNumber } from './columns';
import { resolveFormat } from './format';
import { positionOf, type Position } from './keys';
import { resolveColumns } from './resolve';
import { MAX_SERIES } from './shape-cartesian';
import type { ScatterData, Shaped } from './types';

/** Shapes a result into scatter points; rows without both numbers are left out. */
export function toScatter(config: ChartConfig, result: ResultSet): Shaped<ScatterData> {
  const resolved = resolveColumns(result, { ...config, aggregation: 'none' }, { x: 'required', series: true, measure: true });
  if (!resolved.ok) return resolved;
  const { x, series, measures, rows, cap } = resolved.data;
  const measure = measures[0];
  if (!x || !measure) return { ok: false, message: 'Pick a column for X and a measure.' };
  const xAxis = axisKind(x.column);
  if (xAxis === 'category') return { ok: false, message: `A scatter chart needs a number or time column for X; "${x.column.name}" is ${x.column.type}.` };
  const groups = new Map<string, { at: Position | null; points: { x: number; y: number }[] }>();
  for (let row = 0; row < rows; row += 1) {
    const cell = result.cell(row, x.index);
    const px = xAxis === 'time' ? timeToMs(cell, x.column.kind) : toNumber(cell);
    const py = toNumber(result.cell(row, measure.index));
    if (px === null || py === null) continue;
    const at = series ? positionOf(result.cell(row, series.index), series) : null;
    const key = at?.key ?? '';
    let group = groups.get(key);
    if (!group) {
      group = { at, points: [] };
      groups.set(key, group);
    }
    group.points.push({ x: px, y: py });
  }
  const all = [...groups.values()];
  const drawn = all.slice(0, MAX_SERIES).map((group) => ({ label: group.at?.label ?? measure.name, points: group.points }));
  return {
    ok: true,
    data: {
      kind: 'scatter',
      x: x.column,
      xAxis,
      xFormat: resolveFormat(config.format, x.column.name),
      measure: measure.name,
      format: measure.format,
      groups: drawn,
      hiddenSeries: all.length - drawn.length,
      cap,
    },
  };
}
