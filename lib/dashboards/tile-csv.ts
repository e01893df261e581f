/** A tile's result as CSV text, for its "Download CSV" action. */
import type { ResultSet } from '../engine/result-set';
import { delimitedDocument, type Cell } from '../export/csv';
import { headerCells, resultCell } from '../results/delimited';

function* lines(rows: ResultSet): Generator<Cell[]> {
  yield headerCells(rows);
  for (let row = 0; row < rows.rowCount; row += 1) yield rows.columns.map((_, index) => resultCell(rows, row, index));
}

/** The whole result as RFC 4180 CSV with a header line; the tile already holds every row. */
export function resultCsv(rows: ResultSet): string {
  return delimitedDocument(lines(rows), 'csv');
}
