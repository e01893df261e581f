/**
 * Line, area and bar data: one row per X value, one key per series (a measure,
 * split by the values of the series column), combined with the aggregation.
 */
import type { ResultSet } from '../engine/result-set';
import type { ChartConfig } from './config';
import { Accumulator } from './aggregate';
import { axisKind } from './columns';
import { measureValue, positionOf, sortPositions, type Position } from './keys';
import { resolveColumns } from './resolve';
import { LABEL_KEY, SELECT_KEY, X_KEY, type CartesianData, type ChartRow, type SeriesInfo, type Shaped } from './types';

/** More series than this are not drawn (a legend of hundreds helps nobody); the chart says how many were left out. */
export const MAX_SERIES = 24;

/** Shapes a result into rows by X with one value per series. */
export function toCartesian(config: ChartConfig, result: ResultSet): Shaped<CartesianData> {
  const resolved = resolveColumns(result, config, { x: 'required', series: true, measure: true });
  if (!resolved.ok) return resolved;
  const { x, series, measures, rows, cap } = resolved.data;
  if (!x) return { ok: false, message: 'Pick a column for X.' };
  const xs = new Map<string, Position>();
  const groups = new Map<string, Position>();
  const cells = new Map<string, Accumulator[]>();
  for (let row = 0; row < rows; row += 1) {
    const at = positionOf(result.cell(row, x.index), x);
    if (!xs.has(at.key)) xs.set(at.key, at);
    const group = series ? positionOf(result.cell(row, series.index), series) : null;
    const groupKey = group?.key ?? '';
    if (group && !groups.has(group.key)) groups.set(group.key, group);
    const cellKey = `${at.key}\u0000${groupKey}`;
    let accumulators = cells.get(cellKey);
    if (!accumulators) {
      accumulators = measures.map(() => new Accumulator());
      cells.set(cellKey, accumulators);
    }
    measures.forEach((measure, index) => accumulators[index]?.add(measureValue(result, row, measure, config.aggregation)));
  }
  const xAxis = axisKind(x.column);
  const groupList = series ? [...groups.values()] : [null];
  const drawn = groupList.slice(0, Math.max(1, Math.floor(MAX_SERIES / measures.length)));
  const seriesInfo: SeriesInfo[] = [];
  const columns: { key: string; measure: number; group: string }[] = [];
  measures.forEach((measure, measureIndex) => {
    drawn.forEach((group, groupIndex) => {
      const key = `s${measureIndex}_${groupIndex}`;
      const label = group === null ? measure.name : measures.length > 1 ? `${group.label} · ${measure.name}` : group.label;
      seriesInfo.push({ key, label, measure: measure.name, format: measure.format });
      columns.push({ key, measure: measureIndex, group: group?.key ?? '' });
    });
  });
  const chartRows: ChartRow[] = sortPositions([...xs.values()], xAxis !== 'category').map((at) => {
    const chartRow: ChartRow = { [X_KEY]: at.plot, [LABEL_KEY]: at.label, [SELECT_KEY]: at.select };
    for (const column of columns) {
      chartRow[column.key] = cells.get(`${at.key}\u0000${column.group}`)?.[column.measure]?.value(config.aggregation) ?? null;
    }
    return chartRow;
  });
  return {
    ok: true,
    data: {
      kind: 'cartesian',
      x: x.column,
      xAxis,
      rows: chartRows,
      series: seriesInfo,
      hiddenSeries: (groupList.length - drawn.length) * measures.length,
      cap,
    },
  };
}
