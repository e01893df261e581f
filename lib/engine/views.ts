/**
 * Turns catalog tables into what DuckDB needs: the files to register (named
 * by their Hive path, so `hive_partitioning` reads the keys from the names)
 * and one view per table over all of its files.
 */
import type { CatalogFile, CatalogTable } from '../catalog/types';
import { quoteIdent, quoteLiteral } from './sql-text';
import { groupSources } from './view-sources';
import { withKnownSize } from './worker/known-size';

/** A file as DuckDB sees it: a virtual name and the URL it is read from. */
export interface RegisteredFile {
  /** Virtual file name inside DuckDB, `<table>/<key>=<value>/.../<file>`. */
  name: string;
  /** Same-origin URL of the file route. */
  url: string;
  /** Manifest path, for messages. */
  path: string;
  /** The catalog's schema group, when known. */
  schemaGroup?: number;
}

/** URL of the server's file route for a manifest path; each segment is encoded. */
export function fileUrl(origin: string, manifestPath: string): string {
  const encoded = manifestPath.split('/').map(encodeURIComponent).join('/');
  return `${origin}/api/files/${encoded}`;
}

/** The virtual DuckDB name of one of a table's files. */
export function registeredName(table: CatalogTable, file: CatalogFile): string {
  const prefix = table.path === '' ? '' : `${table.path}/`;
  const relative = file.path.startsWith(prefix) ? file.path.slice(prefix.length) : file.path;
  return `${table.name}/${relative}`;
}

/** Locates a file through the server's file route, with its size in the fragment for the worker. */
export function fileRouteLocator(origin: string): (table: CatalogTable, file: CatalogFile) => string {
  return (_table, file) => withKnownSize(fileUrl(origin, file.path), file.size);
}

/**
 * The view over a table's files. Files the catalog put in one schema group are
 * read together without `union_by_name`, so DuckDB opens one footer per group
 * to bind and the rest only when a query reaches them; partition filters prune
 * files before that. Groups are combined with UNION ALL BY NAME, which fills
 * the columns a group lacks (older clusters export fewer) with NULL. Files
 * without a group fall back to `union_by_name`, which opens every footer.
 * Each group's files are listed as one glob per cluster where possible
 * (`groupSources`): binding a list of N names costs N passes over every
 * registered file in DuckDB-WASM 1.28, on every query.
 * Partition keys are cast to the catalog's type, so a date-like key is a DATE.
 */
export function createViewSql(viewName: string, table: CatalogTable, files: readonly (RegisteredFile & { schemaGroup?: number })[]): string {
  return `CREATE OR REPLACE VIEW ${quoteIdent(viewName)} AS ${viewQuerySql(table, files)}`;
}

/**
 * A temporary view that shadows `table`'s view for one query, over only the
 * files that query's partition filters select: DuckDB-WASM 1.28 spends tens of
 * milliseconds per query matching and pruning every file a view lists, even
 * when the filters leave two. It starts with a typed empty row of every column
 * of the full view, so SQL that binds against the full view binds the same way
 * here even when the selected files lack the newer columns.
 */
export function scopedViewSql(
  table: CatalogTable,
  files: readonly (RegisteredFile & { schemaGroup?: number })[],
  columns: readonly { name: string; type: string }[],
): string {
  const typed = `SELECT ${columns.map((column) => `CAST(NULL AS ${column.type}) AS ${quoteIdent(column.name)}`).join(', ')} WHERE false`;
  return `CREATE OR REPLACE TEMP VIEW ${quoteIdent(table.name)} AS ${typed} UNION ALL BY NAME ${viewQuerySql(table, files)}`;
}

/** Drops the temporary view {@link scopedViewSql} made, uncovering the full one. */
export function dropScopedViewSql(tableName: string): string {
  return `DROP VIEW IF EXISTS temp.${quoteIdent(tableName)}`;
}

function viewQuerySql(table: CatalogTable, files: readonly (RegisteredFile & { schemaGroup?: number })[]): string {
  const casts = table.partitionKeys.map((key) => `CAST(${quoteIdent(key.name)} AS ${key.type}) AS ${quoteIdent(key.name)}`);
  const projection = casts.length > 0 ? `* REPLACE (${casts.join(', ')})` : '*';
  const hive = table.partitionKeys.length > 0 ? 'true' : 'false';
  const groups = new Map<number | undefined, RegisteredFile[]>();
  for (const file of files) {
    const list = groups.get(file.schemaGroup) ?? [];
    list.push(file);
    groups.set(file.schemaGroup, list);
  }
  const selects = [...groups.entries()].map(([group, members]) => {
    const sources = groupSources(table, members, files).map(quoteLiteral);
    return `SELECT ${projection} FROM read_parquet([${sources.join(', ')}], hive_partitioning=${hive}, union_by_name=${group === undefined})`;
  });
  return selects.join(' UNION ALL BY NAME ');
}

/** Finds which registered file an engine error message is about, if any. */
export function fileNamedInError(message: string, files: readonly RegisteredFile[]): RegisteredFile | undefined {
  return files.find((file) => message.includes(file.name) || message.includes(file.url));
}
