/** The audit log as CSV for export, through the one writer (`lib/export/csv`). */
import { delimitedDocument, textCell, valueCell, type Cell } from '../export/csv';
import type { AuditRecord } from './types';

const COLUMNS: (keyof AuditRecord)[] = [
  'seq',
  'at',
  'actor',
  'action',
  'phase',
  'runId',
  'source',
  'table',
  'column',
  'rowCount',
  'succeeded',
  'failed',
  'note',
];

/** Strings are free text (a note, a table name) and are defused; numbers and booleans are values. */
function cell(value: unknown): Cell {
  if (value === null || value === undefined) return valueCell('');
  return typeof value === 'string' ? textCell(value) : valueCell(String(value));
}

function* lines(records: readonly AuditRecord[]): Generator<Cell[]> {
  yield COLUMNS.map((column) => textCell(column));
  for (const record of records) yield COLUMNS.map((column) => cell(record[column]));
}

/** RFC 4180 CSV with a header line. */
export function auditCsv(records: readonly AuditRecord[]): string {
  return delimitedDocument(lines(records), 'csv');
}
