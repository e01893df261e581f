/** The catalog warnings that concern one table, for showing them where the user looks. */
import type { CatalogManifest, CatalogTable, CatalogWarning } from './types';

/** Warnings whose path lies inside the table's folder. */
export function warningsForTable(manifest: CatalogManifest, table: CatalogTable): CatalogWarning[] {
  const prefix = table.path === '' ? '' : `${table.path}/`;
  return manifest.warnings.filter((warning) => prefix === '' || warning.path.startsWith(prefix));
}
