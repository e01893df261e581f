/**
 * Splits an SQL script into statements, so the console can run the
 * statement under the cursor or a whole script one statement at a time.
 * Semicolons inside strings, quoted identifiers and comments do not split.
 */

export interface StatementRange {
  /** Offset of the first character (after leading whitespace and comments are kept). */
  from: number;
  /** Offset just past the last character, before the terminating semicolon. */
  to: number;
  text: string;
}

/** The statements of a script, each with its offsets; empty statements are dropped. */
export function splitStatements(sql: string): StatementRange[] {
  const statements: StatementRange[] = [];
  let start = 0;
  let index = 0;
  const push = (end: number): void => {
    const raw = sql.slice(start, end);
    if (hasCode(raw)) {
      const lead = raw.length - raw.trimStart().length;
      const text = raw.trim();
      statements.push({ from: start + lead, to: start + lead + text.length, text });
    }
  };
  while (index < sql.length) {
    const char = sql[index];
    const next = sql[index + 1];
    if (char === '-' && next === '-') {
      const end = sql.indexOf('\n', index);
      index = end < 0 ? sql.length : end + 1;
    } else if (char === '/' && next === '*') {
      const end = sql.indexOf('*/', index + 2);
      index = end < 0 ? sql.length : end + 2;
    } else if (char === "'" || char === '"') {
      index = skipQuoted(sql, index, char);
    } else if (char === ';') {
      push(index);
      start = index + 1;
      index += 1;
    } else {
      index += 1;
    }
  }
  push(sql.length);
  return statements;
}

function skipQuoted(sql: string, start: number, quote: string): number {
  let index = start + 1;
  while (index < sql.length) {
    if (sql[index] === quote) {
      if (sql[index + 1] === quote) index += 2;
      else return index + 1;
    } else {
      index += 1;
    }
  }
  return sql.length;
}

/** True when the text holds something other than whitespace and comments. */
function hasCode(text: string): boolean {
  return text.replace(/--[^\n]*/g, '').replace(/\/\*[\s\S]*?\*\//g, '').trim() !== '';
}

/**
 * The statement to run for a cursor position: the one containing it, or,
 * when the cursor sits between statements, the one just before it.
 */
export function statementAt(sql: string, offset: number): StatementRange | null {
  const statements = splitStatements(sql);
  let candidate: StatementRange | null = null;
  for (const statement of statements) {
    if (offset >= statement.from && offset <= statement.to + 1) return statement;
    if (statement.to < offset) candidate = statement;
  }
  return candidate ?? statements[0] ?? null;
}

/** What Run executes: the selection, or else the statement under the cursor. */
export function statementToRun(selection: { doc: string; from: number; to: number }): string {
  if (selection.to > selection.from) return selection.doc.slice(selection.from, selection.to);
  return statementAt(selection.doc, selection.from)?.text ?? selection.doc;
}
