/** A tile's result as CSV text, for its "Download CSV" action. */
import type { ResultSet } from '../engine/result-set';
import { headerLine, rowLine } from '../results/delimited';

/** The whole result as RFC 4180 CSV with a header line; the tile already holds every row. */
export function resultCsv(rows: ResultSet): string {
  const lines = [headerLine(rows, 'csv')];
  for (let row = 0; row < rows.rowCount; row += 1) lines.push(rowLine(rows, row, 'csv'));
  return `${lines.join('\r\n')}\r\n`;
}
