/**
 * Everything the engine reads from a statement's text, worked out once when
 * the query starts and handed to each step that needs it (registering files,
 * narrowing views, prefetching, the statistics): the catalog tables it names,
 * the files their constant partition filters let through, the columns it
 * mentions, and the text DuckDB runs (the Athena rewrite).
 */
import type { CatalogFile, CatalogTable } from '../catalog/types';
import { rewriteAthenaTokens } from '../sql/athena';
import { isTrivia, tokenize } from '../sql/lexer';
import { codeNames } from '../sql/names';
import { mentionedColumnsOf } from './mentioned-columns';
import { filesInScopeOf } from './partition-scope';
import { tablesNamed } from './referenced-tables';

/** A catalog table the statement names. */
export interface ReferencedTable {
  table: CatalogTable;
  /** The files its constant partition filters let through (see `filesInScope`). */
  files: CatalogFile[];
  /** False when there is no such filter and `files` is every file of the table. */
  filtered: boolean;
}

export interface StatementAnalysis {
  readonly sql: string;
  /** What DuckDB runs: `sql` with the Athena rewrite. */
  readonly engineSql: string;
  /** The catalog tables the statement names, in catalog order. */
  readonly tables: readonly ReferencedTable[];
  /** The columns of `columns` the statement names, in their given spelling; null when it may read them all. */
  mentionedColumns: (columns: readonly string[]) => string[] | null;
}

/** Analyses `sql` against the catalog's tables; see the module comment. */
export function analyseStatement(sql: string, catalog: readonly CatalogTable[]): StatementAnalysis {
  const tokens = tokenize(sql);
  const code = tokens.filter((token) => !isTrivia(token));
  const names = codeNames(code);
  const byName = new Map(catalog.map((table) => [table.name, table]));
  const tables = tablesNamed(
    names,
    catalog.map((table) => table.name),
  ).map((name) => {
    const table = byName.get(name) as CatalogTable;
    const files = filesInScopeOf(code, table);
    return { table, files, filtered: files !== table.files };
  });
  return { sql, engineSql: rewriteAthenaTokens(tokens), tables, mentionedColumns: mentionedColumnsOf(code, names) };
}
