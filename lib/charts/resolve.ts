/**
 * Checking a chart configuration against a result: every column it names must
 * exist (a saved chart can outlive its query's columns), and measures must be
 * numbers. Failures become one message the chart shows instead of throwing.
 */
import type { ResultColumn, ResultSet } from '../engine/result-set';
import type { ChartConfig } from './config';
import { columnIndex, isNumericColumn } from './columns';
import { resolveFormat, type ResolvedFormat } from './format';
import type { PointCap, Shaped } from './types';

/** The column aggregate-sql.ts adds with the number of points before its LIMIT. */
export const TOTAL_COLUMN = '__chart_points';

/** A measure as read from the result; index -1 is the row count (aggregation `count` with no measure). */
export interface MeasureRef {
  name: string;
  index: number;
  format: ResolvedFormat;
}

export interface ColumnRef {
  index: number;
  column: ResultColumn;
}

export interface Resolved {
  x: ColumnRef | null;
  y: ColumnRef | null;
  series: ColumnRef | null;
  measures: MeasureRef[];
  /** How many rows the chart reads, and the cap notice when that is fewer than the data. */
  rows: number;
  cap: PointCap | null;
}

/** Which columns a chart type reads; the others in the configuration (left from another type) are ignored. */
export interface Needs {
  x?: 'required' | 'optional';
  y?: 'required' | 'optional';
  series?: boolean;
  /** At least one measure, unless the aggregation is `count`. */
  measure?: boolean;
}

function missing(name: string, result: ResultSet): string {
  const names = result.columns.map((column) => column.name).filter((column) => column !== TOTAL_COLUMN);
  return `The chart uses the column "${name}", which this result does not have. Its columns are: ${names.join(', ') || 'none'}.`;
}

function find(result: ResultSet, name: string | undefined): ColumnRef | null | string {
  if (name === undefined) return null;
  const index = columnIndex(result, name);
  const column = result.columns[index];
  return column ? { index, column } : missing(name, result);
}

/** How many rows to read and whether that caps the chart. */
export function pointCap(result: ResultSet, maxPoints: number): { rows: number; cap: PointCap | null } {
  const rows = Math.min(result.rowCount, maxPoints);
  if (result.rowCount <= maxPoints) return { rows, cap: null };
  const totalIndex = columnIndex(result, TOTAL_COLUMN);
  const stated = totalIndex >= 0 ? Number(result.cell(0, totalIndex)) : Number.NaN;
  return { rows, cap: { shown: rows, total: Number.isFinite(stated) && stated > rows ? stated : result.rowCount } };
}

/** Finds the configured columns in the result, or says which one is missing or unusable. */
export function resolveColumns(result: ResultSet, config: ChartConfig, needs: Needs): Shaped<Resolved> {
  const x = find(result, needs.x ? config.x : undefined);
  if (typeof x === 'string') return { ok: false, message: x };
  if (needs.x === 'required' && !x) return { ok: false, message: 'Pick a column for X.' };
  const y = find(result, needs.y ? config.y : undefined);
  if (typeof y === 'string') return { ok: false, message: y };
  if (needs.y === 'required' && !y) return { ok: false, message: 'Pick a column for Y.' };
  const series = find(result, needs.series ? config.series : undefined);
  if (typeof series === 'string') return { ok: false, message: series };
  const measures: MeasureRef[] = [];
  for (const name of config.measures) {
    const found = find(result, name);
    if (typeof found === 'string') return { ok: false, message: found };
    if (found && !isNumericColumn(found.column)) {
      if (config.aggregation !== 'count') {
        return { ok: false, message: `The measure "${name}" is ${found.column.type}, not a number. Pick a number column or count it.` };
      }
    }
    if (found) measures.push({ name, index: found.index, format: config.aggregation === 'count' ? 'number' : resolveFormat(config.format, name) });
  }
  if (measures.length === 0 && config.aggregation === 'count') measures.push({ name: 'count', index: -1, format: 'number' });
  if (needs.measure && measures.length === 0) return { ok: false, message: 'Pick at least one measure (a number column), or count rows.' };
  return { ok: true, data: { x, y, series, measures, ...pointCap(result, config.maxPoints) } };
}
