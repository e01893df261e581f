/** Table data: the chosen columns (or all of them) as display text, numbers in the configured format. */
import type { CellValue, ResultColumn, ResultSet } from '../engine/result-set';
import type { ChartConfig } from './config';
import { isNumericColumn, isTimeColumn, toNumber } from './columns';
import { formatTimeCell, formatValue, resolveFormat } from './format';
import { NULL_LABEL } from './keys';
import { resolveColumns, TOTAL_COLUMN } from './resolve';
import type { Shaped, TableData } from './types';

function cellText(value: CellValue, column: ResultColumn, format: ReturnType<typeof resolveFormat> | null): string {
  if (value === null) return NULL_LABEL;
  if (isTimeColumn(column) && (typeof value === 'bigint' || typeof value === 'number')) return formatTimeCell(value, column.kind);
  if (format) return formatValue(toNumber(value), format);
  return String(value);
}

/** Shapes a result into a small formatted table. */
export function toTable(config: ChartConfig, result: ResultSet): Shaped<TableData> {
  const resolved = resolveColumns(result, config, { x: 'optional', series: true });
  if (!resolved.ok) return resolved;
  const { x, series, measures, rows, cap } = resolved.data;
  const picked = [x?.index, series?.index, ...measures.map((measure) => measure.index)].filter((index): index is number => index !== undefined && index >= 0);
  const indexes =
    picked.length > 0 ? [...new Set(picked)] : result.columns.map((_column, index) => index).filter((index) => result.columns[index]?.name !== TOTAL_COLUMN);
  const columns = indexes.map((index) => result.columns[index]!);
  const formats = columns.map((column) => (isNumericColumn(column) ? resolveFormat(config.format, column.name) : null));
  const body: string[][] = [];
  for (let row = 0; row < rows; row += 1) {
    body.push(indexes.map((index, position) => cellText(result.cell(row, index), columns[position]!, formats[position] ?? null)));
  }
  return { ok: true, data: { kind: 'table', columns, formats, rows: body, cap } };
}
