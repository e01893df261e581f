/**
 * A cell as a chart position: the value plotted (ms for time axes, numbers,
 * or text for categories), its label, and what a click on it selects.
 */
import type { CellValue, ResultSet } from '../engine/result-set';
import type { Aggregation } from './config';
import { Accumulator } from './aggregate';
import { axisKind, selectionValue, timeToMs, toNumber } from './columns';
import { formatNumber, formatTimeCell } from './format';
import type { ColumnRef, MeasureRef } from './resolve';

export interface Position {
  /** Groups equal values (bigints compared exactly). */
  key: string;
  plot: number | string;
  label: string;
  select: string | number | null;
  /** Orders numeric and time positions. */
  order: number;
}

/** The shown label of an empty cell. */
export const NULL_LABEL = '(null)';

function textOf(value: CellValue): string {
  return value === null ? NULL_LABEL : typeof value === 'string' ? value : String(value);
}

/** The position of one cell of an X, Y or series column. */
export function positionOf(value: CellValue, ref: ColumnRef): Position {
  const select = selectionValue(value, ref.column);
  const kind = axisKind(ref.column);
  if (kind === 'time' && (typeof value === 'bigint' || typeof value === 'number')) {
    const ms = timeToMs(value, ref.column.kind) ?? 0;
    return { key: String(value), plot: ms, label: formatTimeCell(value, ref.column.kind), select, order: ms };
  }
  if (kind === 'number') {
    const number = toNumber(value);
    if (number !== null) return { key: String(value), plot: number, label: formatNumber(number), select, order: number };
  }
  const text = textOf(value);
  return { key: `t:${text}`, plot: text, label: text, select, order: 0 };
}

/** One row's value for a measure: 1 per row for a row count, 1 per non-empty cell for `count`, else the number. */
export function measureValue(result: ResultSet, row: number, measure: MeasureRef, aggregation: Aggregation): number | null {
  if (measure.index < 0) return 1;
  const cell = result.cell(row, measure.index);
  if (aggregation === 'count') return cell === null ? null : 1;
  return toNumber(cell);
}

/** Orders positions in place: time and numbers ascending, categories as they first appeared. */
export function sortPositions(positions: Position[], ordered: boolean): Position[] {
  return ordered ? positions.sort((a, b) => a.order - b.order) : positions;
}

/** A position with the running total of one measure over its rows. */
export interface PositionTotal {
  at: Position;
  sum: Accumulator;
}

/** Groups the first `rows` rows by one column's value, accumulating one measure; entries keep first-seen order. */
export function totalsBy(result: ResultSet, rows: number, by: ColumnRef, measure: MeasureRef, aggregation: Aggregation): Map<string, PositionTotal> {
  const totals = new Map<string, PositionTotal>();
  for (let row = 0; row < rows; row += 1) {
    const at = positionOf(result.cell(row, by.index), by);
    let entry = totals.get(at.key);
    if (!entry) {
      entry = { at, sum: new Accumulator() };
      totals.set(at.key, entry);
    }
    entry.sum.add(measureValue(result, row, measure, aggregation));
  }
  return totals;
}
