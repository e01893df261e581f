/**
 * SQL text with its data hidden: where `{{` or a table name is data, not
 * code. Same length and line breaks as the input, so offsets still match.
 */
import { tokenize } from './lexer';

const HIDDEN = new Set(['string', 'quoted-identifier', 'line-comment', 'block-comment']);

/**
 * Returns `sql` with every string literal (`'...'`, `E'...'`, `$$...$$`),
 * quoted identifier and comment replaced by spaces (line breaks kept). An
 * unterminated one runs to the end, as DuckDB reads it.
 */
export function maskSqlLiterals(sql: string): string {
  return tokenize(sql)
    .map((token) => (HIDDEN.has(token.kind) ? token.text.replace(/[^\n]/g, ' ') : token.text))
    .join('');
}
