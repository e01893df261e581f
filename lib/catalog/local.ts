/**
 * Builds the catalog manifest for a local folder: walk it, group the files into
 * tables, and explain what was skipped or what is wrong with the folder itself.
 */
import { stat } from 'node:fs/promises';
import { parsePartitionSegment } from './hive';
import { SOURCE_ENV } from './source';
import { assignSchemaGroups } from './schema-groups';
import { buildTables } from './tables';
import type { CatalogManifest, CatalogWarning } from './types';
import { walkParquetFiles } from './walk';

/** Options for {@link buildLocalManifest}. */
export interface LocalManifestOptions {
  /** Clock for `builtAt`; tests pass a fixed one. */
  now?: () => Date;
  /** File-system calls in flight at once during the walk. */
  concurrency?: number;
}

/** The layout the catalog expects, quoted in problems. */
export const EXPECTED_LAYOUT =
  '<table>/<key>=<value>/.../<file>.parquet, for example ' +
  'extract_redshift_query_logs/data/stl_query/clusterid=<cluster-id>/startdate=<YYYY-MM-DD>/part-00000-<uuid>.c000.snappy.parquet';

function lastSegment(folder: string): string {
  return folder.slice(folder.lastIndexOf('/') + 1);
}

function parentFolder(folder: string): string {
  const slash = folder.lastIndexOf('/');
  return slash === -1 ? '' : folder.slice(0, slash);
}

function isPartitionFolder(folder: string): boolean {
  return folder !== '' && parsePartitionSegment(lastSegment(folder)) !== null;
}

/**
 * One warning per partition folder that holds no Parquet file: the topmost such
 * folder only, so an empty `clusterid=x/startdate=y` chain is reported once.
 */
export function emptyPartitionWarnings(emptyFolders: readonly string[]): CatalogWarning[] {
  const empty = new Set(emptyFolders);
  return emptyFolders
    .filter((folder) => isPartitionFolder(folder))
    .filter((folder) => {
      const parent = parentFolder(folder);
      return !(empty.has(parent) && isPartitionFolder(parent));
    })
    .map((folder) => ({ path: folder, message: 'partition folder has no Parquet files' }));
}

function sortWarnings(warnings: CatalogWarning[]): CatalogWarning[] {
  return warnings.sort((a, b) => (a.path === b.path ? (a.message < b.message ? -1 : a.message > b.message ? 1 : 0) : a.path < b.path ? -1 : 1));
}

/** Problem text for a root that cannot be scanned, or undefined when it is a readable folder. */
async function rootProblem(root: string): Promise<string | undefined> {
  try {
    const stats = await stat(root);
    if (!stats.isDirectory()) return `The data source ${root} is not a folder. Set ${SOURCE_ENV} to the folder that holds your export.`;
    return undefined;
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      return (
        `The data folder ${root} does not exist. Set ${SOURCE_ENV} to the folder that holds your exported ` +
        'Parquet files, or run `npm run sample` to generate the bundled sample in data/sample.'
      );
    }
    return `The data folder ${root} cannot be read (${code || String(error)}). Check its permissions or set ${SOURCE_ENV} to another folder.`;
  }
}

/**
 * Scans `root` and returns its manifest. Never throws for a bad folder: a missing,
 * unreadable or table-less root gives a manifest with no tables and a `problem`
 * that says what to configure.
 */
export async function buildLocalManifest(root: string, options: LocalManifestOptions = {}): Promise<CatalogManifest> {
  const builtAt = (options.now ?? (() => new Date()))().toISOString();
  const problem = await rootProblem(root);
  if (problem !== undefined) return { source: root, builtAt, tables: [], warnings: [], problem };

  const walk = await walkParquetFiles(root, { concurrency: options.concurrency });
  const built = buildTables(walk.files);
  const { tables, warnings: schemaWarnings } = await assignSchemaGroups(root, built.tables);
  const allWarnings = sortWarnings([...walk.warnings, ...built.warnings, ...schemaWarnings, ...emptyPartitionWarnings(walk.emptyFolders)]);
  const manifest: CatalogManifest = { source: root, builtAt, tables, warnings: allWarnings };
  if (tables.length === 0) {
    manifest.problem =
      `No Parquet tables were found under ${root}. Expected ${EXPECTED_LAYOUT}.` +
      (allWarnings.length > 0 ? ' See the warnings for files that were skipped.' : '');
  }
  return manifest;
}
