/**
 * Statements of a script, by the lexer's semicolons: a semicolon inside a
 * string (`$$a;b$$` included), quoted identifier or comment never splits.
 */
import { isTrivia, tokenize, type Token } from './lexer';

export interface StatementRange {
  /** Offset of the first character (leading whitespace dropped, leading comments kept). */
  from: number;
  /** Offset just past the last character, before the terminating semicolon. */
  to: number;
  text: string;
}

function isSemicolon(token: Token): boolean {
  return token.kind === 'punctuation' && token.text === ';';
}

/** The statements of a script, each with its offsets; empty and comment-only statements are dropped. */
export function splitStatements(sql: string): StatementRange[] {
  const statements: StatementRange[] = [];
  let start = 0;
  let hasCode = false;
  const push = (end: number): void => {
    if (!hasCode) return;
    const raw = sql.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    statements.push({ from: start + lead, to: start + lead + text.length, text });
  };
  for (const token of tokenize(sql)) {
    if (isSemicolon(token)) {
      push(token.start);
      start = token.end;
      hasCode = false;
    } else if (!isTrivia(token)) {
      hasCode = true;
    }
  }
  push(sql.length);
  return statements;
}

/**
 * The one statement of `sql` without the semicolons and comments that end it;
 * `several` when it holds more than one statement, `empty` when it holds none.
 */
export function singleStatement(sql: string): string | 'several' | 'empty' {
  const code = tokenize(sql).filter((token) => !isTrivia(token));
  let last = code.length - 1;
  while (last >= 0 && isSemicolon(code[last] as Token)) last -= 1;
  if (last < 0) return 'empty';
  if (code.slice(0, last).some(isSemicolon)) return 'several';
  return sql.slice(0, (code[last] as Token).end);
}

/**
 * `sql` ready to sit inside `( … )`: its one statement without the semicolons
 * and comments that end it. Several statements or none come back as they are
 * (trimmed), for DuckDB to refuse with its own message.
 */
export function subqueryBody(sql: string): string {
  const statement = singleStatement(sql);
  return (statement === 'several' || statement === 'empty' ? sql : statement).trim();
}
