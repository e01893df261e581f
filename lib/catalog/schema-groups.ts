/**
 * Applies the server's schema reading to the tables: numbers each table's
 * distinct schemas, and moves files DuckDB cannot read into warnings.
 */
import path from 'node:path';
import { readSchemas, type SchemaResult } from './parquet-schemas';
import type { CatalogFile, CatalogTable, CatalogWarning } from './types';

/**
 * Sets `schemaGroup` on each file from `lookup` (files it has no answer for are
 * kept without a group), and turns read errors into warnings. Groups are numbered
 * per table in file order. Tables left with no files are dropped.
 */
export function groupBySchema(
  tables: readonly CatalogTable[],
  lookup: (file: CatalogFile) => SchemaResult | undefined,
): { tables: CatalogTable[]; warnings: CatalogWarning[] } {
  const warnings: CatalogWarning[] = [];
  const out = tables.map((table) => {
    const groups = new Map<string, number>();
    const files = table.files.flatMap((file) => {
      const result = lookup(file);
      if (!result) return [file];
      if ('error' in result) {
        warnings.push({ path: file.path, message: `not a readable Parquet file, skipped: ${result.error}` });
        return [];
      }
      let group = groups.get(result.fingerprint);
      if (group === undefined) {
        group = groups.size;
        groups.set(result.fingerprint, group);
      }
      return [{ ...file, schemaGroup: group }];
    });
    return { ...table, files, bytes: files.reduce((sum, file) => sum + file.size, 0) };
  });
  return { tables: out.filter((table) => table.files.length > 0), warnings };
}

/** Tables with `schemaGroup` set on every readable file under `root`, and a warning per unreadable one. */
export async function assignSchemaGroups(root: string, tables: readonly CatalogTable[]): Promise<{ tables: CatalogTable[]; warnings: CatalogWarning[] }> {
  const locate = (file: CatalogFile): string => path.join(root, ...file.path.split('/'));
  const located = tables.flatMap((table) => table.files.map((file) => ({ ...file, absolutePath: locate(file) })));
  const schemas = await readSchemas(located);
  return groupBySchema(tables, (file) => schemas.get(locate(file)));
}
