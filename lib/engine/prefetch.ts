/**
 * What the page asks the engine worker to fetch ahead of DuckDB: the files a
 * query will read, as far as its constant partition filters tell, with the
 * columns it mentions. Their footers and those columns' chunks then arrive in
 * batches before it runs (see worker/footer-prefetch.ts and
 * worker/chunk-prefetch.ts).
 */
import type { CatalogManifest, CatalogTable } from '../catalog/types';
import { csrfToken } from '../auth/browser-fetch';
import { analyseStatement, type StatementAnalysis } from './statement-analysis';
import type { EngineTable } from './table-views';
import { fileRouteLocator } from './views';
import type { WorkerChannel } from './worker-channel';

/**
 * Most files prefetched for one query. Above it the query is broad enough
 * that DuckDB's own reads (which stop early for a LIMIT) are the better bet.
 */
const MAX_PREFETCH_FILES = 5_000;

/** A file to prefetch, with the columns whose chunks to fetch (null: all, []: the footer only). */
export interface PrefetchEntry {
  table: CatalogTable;
  file: CatalogTable['files'][number];
  columns: string[] | null;
}

/**
 * The files the statement (its SQL or its analysis) will read in the tables it
 * filters by constant partition values. A table it does not filter that way is
 * left to DuckDB, which may need few of its files (a LIMIT).
 */
export function filesToPrefetch(statement: string | StatementAnalysis, manifest: CatalogManifest, tables: readonly EngineTable[]): PrefetchEntry[] {
  const analysis = typeof statement === 'string' ? analyseStatement(statement, manifest.tables) : statement;
  const out: PrefetchEntry[] = [];
  for (const { table, files, filtered } of analysis.tables) {
    const engine = tables.find((candidate) => candidate.name === table.name);
    if (!engine || !filtered) continue;
    const columns = analysis.mentionedColumns(engine.columns.map((column) => column.name));
    for (const file of files) out.push({ table, file, columns });
  }
  return out.length <= MAX_PREFETCH_FILES ? out : [];
}

/**
 * Has the engine worker fetch these files' footers and chunks in batches.
 * S3 sources read through presigned URLs are left to DuckDB: the file route
 * does not proxy them.
 */
export function prefetch(io: WorkerChannel, origin: string, manifest: CatalogManifest, entries: readonly PrefetchEntry[]): Promise<void> {
  if (manifest.access === 'presigned' || entries.length === 0) return Promise.resolve();
  const locate = fileRouteLocator(origin);
  return io.prefetch(
    entries.map(({ table, file, columns }) => ({ url: locate(table, file), path: file.path, size: file.size, columns })),
    csrfToken() ?? '',
  );
}
