/**
 * Cells as text for the clipboard and for files: TSV (what spreadsheets
 * paste) and CSV (RFC 4180). Values are the text the grid shows, so 64-bit
 * integers stay exact and timestamps keep their microseconds; NULL becomes
 * an empty field, as DuckDB writes it in CSV.
 */
import { formatCell } from '../engine/cell-format';
import type { CellValue, ColumnKind, ResultSet } from '../engine/result-set';

/** A cell's text for copying: what the grid shows, with NULL as empty text. */
export function cellText(value: CellValue, kind: ColumnKind): string {
  return value === null ? '' : formatCell(value, kind);
}

function quote(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

/** One TSV field; quoted (Excel style) only when it holds a tab, line break or quote. */
export function tsvField(text: string): string {
  return /[\t\n\r"]/.test(text) ? quote(text) : text;
}

/** One CSV field; quoted only when it holds a comma, line break or quote. */
export function csvField(text: string): string {
  return /[,\n\r"]/.test(text) ? quote(text) : text;
}

export type Delimited = 'tsv' | 'csv';

function joinFields(texts: readonly string[], format: Delimited): string {
  return format === 'tsv' ? texts.map(tsvField).join('\t') : texts.map(csvField).join(',');
}

/** One result row as a line of TSV or CSV (no line break at the end). */
export function rowLine(rows: ResultSet, row: number, format: Delimited): string {
  return joinFields(
    rows.columns.map((column, index) => cellText(rows.cell(row, index), column.kind)),
    format,
  );
}

/** The header line: column names. */
export function headerLine(rows: ResultSet, format: Delimited): string {
  return joinFields(
    rows.columns.map((column) => column.name),
    format,
  );
}
