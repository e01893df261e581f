/** The audit log as CSV for export. */
import type { AuditRecord } from './types';

const COLUMNS: (keyof AuditRecord)[] = ['seq', 'at', 'actor', 'action', 'phase', 'runId', 'source', 'table', 'column', 'rowCount', 'succeeded', 'failed', 'note'];

function field(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  // Quote when needed, and defuse spreadsheet formulas in text fields.
  const safe = /^[=+\-@\t\r]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** RFC 4180 CSV with a header line. */
export function auditCsv(records: readonly AuditRecord[]): string {
  const lines = [COLUMNS.join(',')];
  for (const record of records) lines.push(COLUMNS.map((column) => field(record[column])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
