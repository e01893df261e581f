/**
 * Which known tables a statement mentions. Used to show "files read out of
 * files in the tables touched"; a mention inside a comment or a string literal
 * does not count.
 */
import { namesInSql } from '../sql/names';

/**
 * The names from `tables` that `sql` names as a word or quoted identifier,
 * case-insensitively; Athena's `ext_<table>` names count as their table.
 */
export function referencedTables(sql: string, tables: readonly string[]): string[] {
  return tablesNamed(namesInSql(sql), tables);
}

/** The names from `tables` among a statement's code names (see `codeNames`). */
export function tablesNamed(codeNames: ReadonlySet<string>, tables: readonly string[]): string[] {
  const names = new Set([...codeNames].map((name) => name.replace(/^ext_/, '')));
  return tables.filter((table) => names.has(table.toLowerCase()));
}
