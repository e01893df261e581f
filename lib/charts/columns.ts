/**
 * How charts read a result's columns: which are numbers, times or categories,
 * and how a cell becomes a plotted number or an axis key. Cells keep the
 * engine's types (bigint µs timestamps, bigint days for dates, bigint 64-bit
 * ints, decimal strings), so every conversion lives here once.
 */
import type { CellValue, ColumnKind, ResultColumn, ResultSet } from '../engine/result-set';

/** What a column can be on an axis. */
export type AxisKind = 'time' | 'number' | 'category';

const NUMERIC_KINDS: readonly ColumnKind[] = ['integer', 'bigint', 'float', 'decimal'];

/** True for columns whose values can be measured (summed, plotted on a value axis). */
export function isNumericColumn(column: ResultColumn): boolean {
  return NUMERIC_KINDS.includes(column.kind);
}

/** True for timestamps and dates. */
export function isTimeColumn(column: ResultColumn): boolean {
  return column.kind === 'timestamp' || column.kind === 'date';
}

/** How a column lays out on an axis. */
export function axisKind(column: ResultColumn): AxisKind {
  if (isTimeColumn(column)) return 'time';
  if (isNumericColumn(column)) return 'number';
  return 'category';
}

/** The index of a column by name, or -1. */
export function columnIndex(result: ResultSet, name: string): number {
  return result.columns.findIndex((column) => column.name === name);
}

const MICROS_PER_DAY = 86_400_000_000n;

/** A cell as a plain number (null when empty or not numeric). Big ints lose precision past 2^53, which a chart cannot show anyway. */
export function toNumber(value: CellValue): number | null {
  if (value === null) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  const parsed = Number(value);
  return value.trim() !== '' && Number.isFinite(parsed) ? parsed : null;
}

/** A time cell as milliseconds since the epoch (recharts' time scale unit); dates are days, timestamps µs. */
export function timeToMs(value: CellValue, kind: ColumnKind): number | null {
  if (typeof value !== 'bigint' && typeof value !== 'number') return null;
  const micros = kind === 'date' ? BigInt(value) * MICROS_PER_DAY : BigInt(value);
  return Number(micros / 1000n);
}

/** The value handed to a selection callback: text and numbers as they are, times as UTC text DuckDB casts back. */
export function selectionValue(value: CellValue, column: ResultColumn): string | number | null {
  if (value === null) return null;
  if (isTimeColumn(column)) {
    const ms = timeToMs(value, column.kind);
    if (ms === null) return null;
    const iso = new Date(ms).toISOString();
    return column.kind === 'date' ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
  }
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return value;
}
