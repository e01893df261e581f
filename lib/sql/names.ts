/** The names a statement's code uses, read through the lexer. */
import { codeTokens, nameOf, type Token } from './lexer';

/**
 * Every word and quoted identifier outside strings and comments, lower-cased
 * (`"STL_Query"` counts as `stl_query`: DuckDB matches names case-insensitively).
 */
export function codeNames(tokens: readonly Token[]): Set<string> {
  const names = new Set<string>();
  for (const token of tokens) {
    const name = nameOf(token);
    if (name !== undefined) names.add(name);
  }
  return names;
}

/** The code names of `sql`; see {@link codeNames}. */
export function namesInSql(sql: string): Set<string> {
  return codeNames(codeTokens(sql));
}
