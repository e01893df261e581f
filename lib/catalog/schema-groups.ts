/**
 * Applies the server's schema reading to the tables: numbers each table's
 * distinct schemas, and moves files DuckDB cannot read into warnings.
 */
import path from 'node:path';
import { readSchemas } from './parquet-schemas';
import type { CatalogTable, CatalogWarning } from './types';

/** Tables with `schemaGroup` set on every readable file, and a warning per unreadable one. */
export async function assignSchemaGroups(
  root: string,
  tables: readonly CatalogTable[],
): Promise<{ tables: CatalogTable[]; warnings: CatalogWarning[] }> {
  const located = tables.flatMap((table) =>
    table.files.map((file) => ({ ...file, absolutePath: path.join(root, ...file.path.split('/')) })),
  );
  const schemas = await readSchemas(located);
  const warnings: CatalogWarning[] = [];
  const out = tables.map((table) => {
    const groups = new Map<string, number>();
    const files = table.files.flatMap((file) => {
      const result = schemas.get(path.join(root, ...file.path.split('/')));
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
