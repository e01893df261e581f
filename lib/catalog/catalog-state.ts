/**
 * The browser's view of the catalog across refreshes. A refresh that found
 * nothing new keeps the same manifest object, so the engine is not restarted;
 * only the status (when, what changed, what is down) moves on.
 */
import type { CatalogChanges, CatalogManifest } from './types';

/** How often the browser asks for a refreshed catalog (the server refreshes S3 on the same schedule). */
export const CATALOG_POLL_MS = 5 * 60_000;
/** How often it asks while a source is down or the server is still reading footers. */
export const CATALOG_RETRY_MS = 10_000;

/** What the status line shows about the last refresh. */
export interface CatalogStatus {
  /** When the server last listed the source. */
  refreshedAt: string;
  changes?: CatalogChanges;
  pending?: string;
  sourceError?: string;
  /** Source-wide notes (warnings not about one file), e.g. reads switched to proxy mode. */
  notices: string[];
}

/** The manifest the engine uses, and the latest status. */
export interface CatalogState {
  manifest: CatalogManifest;
  status: CatalogStatus;
}

function fileSignature(manifest: CatalogManifest): string {
  return JSON.stringify([
    manifest.source,
    manifest.problem ?? '',
    manifest.access ?? 'local',
    manifest.tables.map((table) => [table.name, table.files.map((file) => [file.path, file.size, file.schemaGroup ?? -1])]),
  ]);
}

/** True when two manifests list the same tables and files with the same schema groups. */
export function sameCatalogContent(a: CatalogManifest, b: CatalogManifest): boolean {
  return a === b || fileSignature(a) === fileSignature(b);
}

/** The state after fetching `next`: `previous.manifest` is kept when nothing the engine reads changed. */
export function nextCatalogState(previous: CatalogState | undefined, next: CatalogManifest): CatalogState {
  const status: CatalogStatus = {
    refreshedAt: next.builtAt,
    changes: next.changes,
    pending: next.pending,
    sourceError: next.sourceError,
    notices: next.warnings.filter((warning) => warning.path === '').map((warning) => warning.message),
  };
  const manifest = previous && sameCatalogContent(previous.manifest, next) ? previous.manifest : next;
  return { manifest, status };
}

/** One line about the last refresh, e.g. `3 new files, 1 new partition` or `no changes`. */
export function describeChanges(changes: CatalogChanges | undefined): string {
  if (!changes) return 'full listing';
  const parts: string[] = [];
  if (changes.added > 0) parts.push(`${changes.added} new file${changes.added === 1 ? '' : 's'}`);
  if (changes.newPartitions.length > 0) parts.push(`${changes.newPartitions.length} new partition${changes.newPartitions.length === 1 ? '' : 's'}`);
  if (changes.removed > 0) parts.push(`${changes.removed} file${changes.removed === 1 ? '' : 's'} gone`);
  return parts.length > 0 ? parts.join(', ') : 'no changes';
}
