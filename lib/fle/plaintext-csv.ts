/**
 * CSV of a result with the decrypted values in place of their ciphertexts,
 * for an explicit, confirmed, audited export. Cells not decrypted keep their
 * ciphertext; failed cells say why.
 */
import type { ResultSet } from '@/lib/engine/result-set';
import { cellText, csvField, headerLine } from '@/lib/results/delimited';
import type { FleValueResult } from './decrypt-value';
import { FLE_FAILURE_MESSAGES } from './failure';

/** The outcome of one cell, if it was decrypted. */
export type OutcomeOf = (row: number, column: number) => FleValueResult | undefined;

/** RFC 4180 CSV of every row of `rows`, with decrypted cells substituted. */
export function plaintextCsv(rows: ResultSet, outcome: OutcomeOf): string {
  const lines = [headerLine(rows, 'csv')];
  for (let row = 0; row < rows.rowCount; row += 1) {
    const fields = rows.columns.map((column, index) => {
      const result = outcome(row, index);
      if (result?.ok) return csvField(result.plaintext);
      if (result) return csvField(`[${FLE_FAILURE_MESSAGES[result.reason]}]`);
      return csvField(cellText(rows.cell(row, index), column.kind));
    });
    lines.push(fields.join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
