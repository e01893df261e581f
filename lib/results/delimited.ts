/**
 * Result rows as delimited text for the clipboard and for files: TSV (what
 * spreadsheets paste) and CSV (RFC 4180), through the one writer in
 * `lib/export/csv`, which defuses formula cells. Values are the text the grid
 * shows, so 64-bit integers stay exact and timestamps keep their
 * microseconds; NULL becomes an empty field, as DuckDB writes it in CSV.
 */
import { formatCell } from '../engine/cell-format';
import type { CellValue, ColumnKind, ResultSet } from '../engine/result-set';
import { delimitedLine, textCell, type Cell, type CellOrigin, type DelimitedFormat } from '../export/csv';

export type Delimited = DelimitedFormat;

/** A cell's text for copying: what the grid shows, with NULL as empty text. */
export function cellText(value: CellValue, kind: ColumnKind): string {
  return value === null ? '' : formatCell(value, kind);
}

/** Typed kinds are written as is (a negative number stays `-5`); text and other kinds are free text. */
const VALUE_KINDS: ReadonlySet<ColumnKind> = new Set(['integer', 'bigint', 'float', 'decimal', 'boolean', 'date', 'timestamp']);

/** Whether a column's cells are typed values or free text, for formula defusing. */
export function originOfKind(kind: ColumnKind): CellOrigin {
  return VALUE_KINDS.has(kind) ? 'value' : 'text';
}

/** One result cell, ready for the writer. */
export function resultCell(rows: ResultSet, row: number, column: number): Cell {
  const kind = rows.columns[column]?.kind ?? 'other';
  return { text: cellText(rows.cell(row, column), kind), origin: originOfKind(kind) };
}

/** One result row as a line of TSV or CSV (no line break at the end). */
export function rowLine(rows: ResultSet, row: number, format: Delimited): string {
  return delimitedLine(
    rows.columns.map((_, index) => resultCell(rows, row, index)),
    format,
  );
}

/** The header cells: column names, which are text. */
export function headerCells(rows: ResultSet): Cell[] {
  return rows.columns.map((column) => textCell(column.name));
}

/** The header line: column names. */
export function headerLine(rows: ResultSet, format: Delimited): string {
  return delimitedLine(headerCells(rows), format);
}
