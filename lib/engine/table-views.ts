/**
 * Creates one view per catalog table on any DuckDB handle (the browser's
 * worker, or the Node build in tests), leaving out files DuckDB cannot read.
 */
import type { CatalogManifest, CatalogTable, PartitionKey } from '../catalog/types';
import { parseEngineError } from './errors';
import { createViewSql, fileNamedInError, registeredName, type RegisteredFile } from './views';

export interface EngineColumn {
  name: string;
  type: string;
}

/** A table as the engine exposes it, with anything it had to leave out. */
export interface EngineTable {
  name: string;
  columns: EngineColumn[];
  partitionKeys: PartitionKey[];
  /** Files the view reads. */
  fileCount: number;
  /** Files left out because DuckDB could not read them, with DuckDB's reason. */
  skipped: { path: string; message: string }[];
  /** Set when no view could be made for this table. */
  error?: string;
}

/** What view creation needs from a DuckDB handle. */
export interface ViewTarget {
  /** Makes `file.url` readable under the virtual name `file.name`. */
  registerFile(file: RegisteredFile): Promise<void>;
  /** Runs a statement; rejects with DuckDB's error. */
  run(sql: string): Promise<void>;
  /** Every column of every view, in order. */
  columns(): Promise<{ table: string; column: string; type: string }[]>;
  /** Fetches these files' footers ahead of DuckDB opening them (an optimisation; may do nothing). */
  prefetchFooters?(files: { table: CatalogTable; file: CatalogTable['files'][number] }[]): Promise<void>;
}

/** Where a catalog file is read from (a URL in the browser, a path in tests). */
export type FileLocator = (table: CatalogTable, file: CatalogTable['files'][number]) => string;

/**
 * Creates `table`'s view over `files`. When DuckDB rejects it because of one
 * file, that file goes to `entry.skipped` with DuckDB's reason and the view is
 * tried again without it. Returns the files the view reads; sets `entry.error`
 * when none could be used.
 */
export async function createViewSkippingBadFiles(
  target: ViewTarget,
  table: CatalogTable,
  files: RegisteredFile[],
  entry: EngineTable,
): Promise<RegisteredFile[]> {
  let remaining = files;
  while (remaining.length > 0) {
    try {
      await target.run(createViewSql(table.name, table, remaining));
      return remaining;
    } catch (error) {
      const message = parseEngineError(error).message;
      const bad = fileNamedInError(message, remaining);
      if (!bad) {
        entry.error = message;
        return [];
      }
      entry.skipped.push({ path: bad.path, message });
      remaining = remaining.filter((file) => file !== bad);
    }
  }
  return remaining;
}

/** The registered form of each of a table's files. */
export function registeredFiles(table: CatalogTable, locate: FileLocator, files: CatalogTable['files'] = table.files): RegisteredFile[] {
  return files.map((file) => ({ name: registeredName(table, file), url: locate(table, file), path: file.path, schemaGroup: file.schemaGroup }));
}

/**
 * Registers every file and creates the views. When DuckDB rejects a view
 * because of one file (zero bytes, not Parquet, a broken footer), that file
 * is dropped with DuckDB's reason and the view is tried again, so one bad
 * file never hides the rest of its table.
 */
export async function createTableViews(
  target: ViewTarget,
  manifest: CatalogManifest,
  locate: FileLocator,
  onProgress?: (message: string) => void,
): Promise<EngineTable[]> {
  const tables: EngineTable[] = [];
  for (const [index, table] of manifest.tables.entries()) {
    onProgress?.(`Opening ${table.name} (${index + 1} of ${manifest.tables.length}, ${table.files.length} files)`);
    let files = registeredFiles(table, locate);
    for (const file of files) await target.registerFile(file);
    const entry: EngineTable = { name: table.name, columns: [], partitionKeys: table.partitionKeys, fileCount: 0, skipped: [] };
    files = await createViewSkippingBadFiles(target, table, files, entry);
    entry.fileCount = files.length;
    if (files.length === 0 && !entry.error) entry.error = 'No readable Parquet files.';
    tables.push(entry);
  }
  const byName = new Map(tables.map((table) => [table.name, table]));
  for (const column of await target.columns()) {
    byName.get(column.table)?.columns.push({ name: column.column, type: column.type });
  }
  return tables;
}
