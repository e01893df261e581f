/** SQL the engine runs on itself, and how its answers are read. */

/** Every column of every view, in order, for the catalog tree and autocomplete. */
export const COLUMNS_SQL =
  "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'main' ORDER BY table_name, ordinal_position";

/** The rows of COLUMNS_SQL as the engine's column list. */
export function columnsFromRows(rows: readonly unknown[]): { table: string; column: string; type: string }[] {
  return (rows as { table_name: string; column_name: string; data_type: string }[]).map((row) => ({
    table: row.table_name,
    column: row.column_name,
    type: row.data_type,
  }));
}
