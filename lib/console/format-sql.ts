/**
 * Formats SQL with sql-formatter's DuckDB dialect. `{{name}}` parameter
 * placeholders are kept as they are, and SQL the formatter cannot parse is
 * returned unchanged rather than mangled.
 */
import { format } from 'sql-formatter';

/** The formatted SQL, or the input when it cannot be formatted. */
export function formatSql(sql: string): string {
  try {
    return format(sql, {
      language: 'duckdb',
      keywordCase: 'upper',
      dataTypeCase: 'upper',
      tabWidth: 2,
      paramTypes: { custom: [{ regex: String.raw`\{\{\s*[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_]+)?\s*\}\}` }] },
    });
  } catch {
    return sql;
  }
}
