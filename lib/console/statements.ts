/**
 * Which statement of the editor's script Run executes: the selection, or the
 * statement under the cursor. Splitting is the SQL layer's (`lib/sql`).
 */
import { splitStatements, type StatementRange } from '../sql/statements';

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
