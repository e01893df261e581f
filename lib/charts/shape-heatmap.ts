/**
 * Heatmap data: X against Y (hour of day × day, or cluster × hour), each cell
 * the aggregated first measure. Numbers and times are ordered, text keeps
 * the result's order.
 */
import type { ResultSet } from '../engine/result-set';
import type { ChartConfig } from './config';
import { Accumulator } from './aggregate';
import { axisKind } from './columns';
import { measureValue, positionOf, sortPositions, type Position } from './keys';
import { resolveColumns } from './resolve';
import type { HeatmapData, Shaped } from './types';

/** Shapes a result into a grid of X × Y cells. */
export function toHeatmap(config: ChartConfig, result: ResultSet): Shaped<HeatmapData> {
  const resolved = resolveColumns(result, config, { x: 'required', y: 'required', measure: true });
  if (!resolved.ok) return resolved;
  const { x, y, measures, rows, cap } = resolved.data;
  const measure = measures[0];
  if (!x || !y || !measure) return { ok: false, message: 'Pick columns for X and Y and a measure.' };
  // Several rows in one cell are summed unless the configuration says otherwise.
  const aggregation = config.aggregation === 'none' ? 'sum' : config.aggregation;
  const xs = new Map<string, Position>();
  const ys = new Map<string, Position>();
  const cells = new Map<string, Accumulator>();
  for (let row = 0; row < rows; row += 1) {
    const px = positionOf(result.cell(row, x.index), x);
    const py = positionOf(result.cell(row, y.index), y);
    if (!xs.has(px.key)) xs.set(px.key, px);
    if (!ys.has(py.key)) ys.set(py.key, py);
    const key = `${px.key}\u0000${py.key}`;
    let cell = cells.get(key);
    if (!cell) {
      cell = new Accumulator();
      cells.set(key, cell);
    }
    cell.add(measureValue(result, row, measure, aggregation));
  }
  const xList = sortPositions([...xs.values()], axisKind(x.column) !== 'category');
  const yList = sortPositions([...ys.values()], axisKind(y.column) !== 'category');
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  const values = yList.map((py) =>
    xList.map((px) => {
      const value = cells.get(`${px.key}\u0000${py.key}`)?.value(aggregation) ?? null;
      if (value !== null) {
        min = Math.min(min, value);
        max = Math.max(max, value);
      }
      return value;
    }),
  );
  return {
    ok: true,
    data: {
      kind: 'heatmap',
      x: x.column,
      y: y.column,
      measure: measure.name,
      format: measure.format,
      xLabels: xList.map((at) => at.label),
      yLabels: yList.map((at) => at.label),
      values,
      min: Number.isFinite(min) ? min : 0,
      max: Number.isFinite(max) ? max : 0,
      cap,
    },
  };
}
