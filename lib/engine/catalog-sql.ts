/** SQL the engine runs on itself. */

/** Every column of every view, in order, for the catalog tree and autocomplete. */
export const COLUMNS_SQL =
  "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'main' ORDER BY table_name, ordinal_position";
