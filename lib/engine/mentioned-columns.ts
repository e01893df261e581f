/**
 * Which of a table's columns a statement can read, from its text alone: every
 * column named as a whole word outside comments and string literals, or all of
 * them when it selects `*` (or uses COLUMNS(...)). A superset of what DuckDB
 * reads (an alias or another table's column of the same name also counts),
 * which is what the engine prefetches ahead of the query.
 */
import { stripLiteralsAndComments } from './referenced-tables';

/** `SELECT *`, `, *`, `t.*`, `* EXCLUDE`, `COLUMNS(`: every column may be read. */
const STAR = /(?:\bselect(?:\s+distinct)?|,|\.)\s*\*|\bcolumns\s*\(/i;

/** The columns of `columns` that `sql` mentions, in their given spelling; null when it may read them all. */
export function mentionedColumns(sql: string, columns: readonly string[]): string[] | null {
  const text = stripLiteralsAndComments(sql);
  if (STAR.test(text)) return null;
  const words = new Set(text.toLowerCase().split(/[^a-z0-9_$]+/).filter(Boolean));
  return columns.filter((column) => words.has(column.toLowerCase()));
}
