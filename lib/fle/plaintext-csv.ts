/**
 * CSV of a result with the decrypted values in place of their ciphertexts,
 * for an explicit, confirmed, audited export. Cells not decrypted keep their
 * ciphertext; failed cells say why. A decrypted value is always text, so it
 * is defused like any text cell (see `lib/export/csv`).
 */
import type { ResultSet } from '@/lib/engine/result-set';
import { delimitedDocument, textCell, type Cell } from '@/lib/export/csv';
import { headerCells, resultCell } from '@/lib/results/delimited';
import type { FleValueResult } from './decrypt-value';
import { FLE_FAILURE_MESSAGES } from './failure';

/** The outcome of one cell, if it was decrypted. */
export type OutcomeOf = (row: number, column: number) => FleValueResult | undefined;

function* lines(rows: ResultSet, outcome: OutcomeOf): Generator<Cell[]> {
  yield headerCells(rows);
  for (let row = 0; row < rows.rowCount; row += 1) {
    yield rows.columns.map((_, index) => {
      const result = outcome(row, index);
      if (result?.ok) return textCell(result.plaintext);
      if (result) return textCell(`[${FLE_FAILURE_MESSAGES[result.reason]}]`);
      return resultCell(rows, row, index);
    });
  }
}

/** RFC 4180 CSV of every row of `rows`, with decrypted cells substituted. */
export function plaintextCsv(rows: ResultSet, outcome: OutcomeOf): string {
  return delimitedDocument(lines(rows, outcome), 'csv');
}
