/**
 * Which of a table's columns a statement can read, from its text alone: every
 * column named as a word or quoted identifier outside comments and string
 * literals, or all of them when it selects `*` (or uses COLUMNS(...)). A
 * superset of what DuckDB reads (an alias or another table's column of the
 * same name also counts), which is what the engine prefetches ahead of the query.
 */
import { codeTokens, type Token } from '../sql/lexer';
import { codeNames } from '../sql/names';

function isWord(token: Token | undefined, word: string): boolean {
  return token?.kind === 'word' && token.text.toLowerCase() === word;
}

/** `SELECT *`, `SELECT DISTINCT *`, `, *`, `t.*`, `COLUMNS(`: every column may be read. */
function readsEveryColumn(tokens: readonly Token[]): boolean {
  return tokens.some((token, index) => {
    const before = tokens[index - 1];
    if (token.kind === 'operator' && token.text.startsWith('*')) {
      if (before?.kind === 'punctuation' && (before.text === ',' || before.text === '.')) return true;
      return isWord(before, 'select') || (isWord(before, 'distinct') && isWord(tokens[index - 2], 'select'));
    }
    return isWord(token, 'columns') && tokens[index + 1]?.text === '(';
  });
}

/** The columns of `columns` that `sql` mentions, in their given spelling; null when it may read them all. */
export function mentionedColumns(sql: string, columns: readonly string[]): string[] | null {
  return mentionedColumnsOf(codeTokens(sql))(columns);
}

/** {@link mentionedColumns} for a statement's code tokens (`codeTokens`), with their names when already known. */
export function mentionedColumnsOf(code: readonly Token[], names: ReadonlySet<string> = codeNames(code)): (columns: readonly string[]) => string[] | null {
  if (readsEveryColumn(code)) return () => null;
  return (columns) => columns.filter((column) => names.has(column.toLowerCase()));
}
