/** Quoting helpers for SQL text the engine builds itself (never for user input values). */

/** Quotes an identifier for DuckDB: `a"b` becomes `"a""b"`. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Quotes a string literal for DuckDB: `it's` becomes `'it''s'`. */
export function quoteLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** The statement without surrounding blanks and one trailing semicolon: how built-in SQL is compared and wrapped. */
export function withoutTrailingSemicolon(sql: string): string {
  return sql.trim().replace(/;\s*$/, '');
}
