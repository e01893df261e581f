/**
 * A result seen through its decrypted values, for a chart the admin chose to
 * draw from plaintext. It lives only in the tab's memory, like the outcomes it
 * reads; nothing here is stored, sent or cached.
 */
import type { CellValue, ResultSet } from '@/lib/engine/result-set';
import type { OutcomeOf } from './plaintext-csv';

/**
 * `rows` with each decrypted cell of a protected column replaced by its
 * plaintext, and every other cell of those columns (not decrypted, or failed)
 * as null, so ciphertext never becomes a category or a label in a chart.
 */
export function withPlaintext(rows: ResultSet, protectedColumns: readonly boolean[], outcome: OutcomeOf): ResultSet {
  return {
    columns: rows.columns,
    rowCount: rows.rowCount,
    cell(row: number, column: number): CellValue {
      if (protectedColumns[column] !== true) return rows.cell(row, column);
      const result = outcome(row, column);
      return result?.ok ? result.plaintext : null;
    },
  };
}
