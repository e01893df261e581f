/** What dashboards need from the catalog manifest: filter choices and a version of the data. */
import { clusterAndDayValues } from '../catalog/partition-summary';
import type { CatalogManifest } from '../catalog/types';

export interface CatalogFacts {
  /** Every cluster id among the partitions, sorted. */
  clusters: string[];
  /** Every day among the partitions, sorted (`YYYY-MM-DD`). */
  days: string[];
  /**
   * Changes whenever a file is added, removed or rewritten, and only then; results
   * are cached under it, so they are kept exactly "until the data changes".
   */
  version: string;
}

/** A short FNV-1a hash: enough to tell catalog versions apart, not a security boundary. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** Cluster and day choices and the data version of a manifest. */
export function catalogFacts(manifest: CatalogManifest): CatalogFacts {
  const tables = manifest.tables;
  const files = tables
    .flatMap((table) => table.files.map((file) => `${file.path}\t${file.size}\t${file.modified}`))
    .sort()
    .join('\n');
  return {
    ...clusterAndDayValues(tables),
    version: `${tables.length}-${fnv1a(files)}`,
  };
}
