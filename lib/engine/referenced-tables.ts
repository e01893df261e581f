/**
 * Which known tables a statement mentions. Used to show "files read out of
 * files in the tables touched"; a mention inside a comment or a string literal
 * does not count.
 */

/**
 * Blanks out comments and string literals, and unquotes quoted identifiers.
 * One left-to-right pass, so `--` inside a string is not taken for a comment.
 */
export function stripLiteralsAndComments(sql: string): string {
  return sql.replace(/--[^\n]*|\/\*[\s\S]*?\*\/|'(?:[^']|'')*'|"((?:[^"]|"")*)"/g, (match, quoted: string | undefined) => {
    if (quoted !== undefined) return ` ${quoted.replaceAll('""', '"')} `;
    return match.startsWith("'") ? "''" : ' ';
  });
}

/**
 * The names from `tables` that appear as whole words in `sql`,
 * case-insensitively; Athena's `ext_<table>` names count as their table.
 */
export function referencedTables(sql: string, tables: readonly string[]): string[] {
  const words = new Set(
    stripLiteralsAndComments(sql)
      .toLowerCase()
      .split(/[^a-z0-9_$]+/)
      .filter(Boolean)
      .map((word) => word.replace(/^ext_/, '')),
  );
  return tables.filter((table) => words.has(table.toLowerCase()));
}
