/**
 * The SQL a tile runs. A tile that refers to a saved query follows the query's
 * current SQL; if the query was deleted, it falls back to the snapshot it keeps
 * and says so, rather than going blank.
 */
import { savedQuerySchema } from '../store/schemas';
import type { TileSource } from './schema';

export type ResolvedSource =
  { kind: 'sql'; sql: string } | { kind: 'saved'; sql: string; name: string } | { kind: 'missing'; sql: string; savedQueryId: string };

/** Fetches the saved query behind a tile; `missing` (with the snapshot) when it no longer exists. */
export async function resolveTileSource(source: TileSource): Promise<ResolvedSource> {
  if (source.kind === 'sql') return { kind: 'sql', sql: source.sql };
  let response: Response;
  try {
    response = await fetch(`/api/queries/${encodeURIComponent(source.savedQueryId)}`, { cache: 'no-store' });
  } catch {
    throw new Error('Cannot reach the ClusterScope server to load the saved query.');
  }
  if (response.status === 404) return { kind: 'missing', sql: source.sql, savedQueryId: source.savedQueryId };
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw new Error(`The saved query could not be loaded: ${String((body as { error?: unknown } | null)?.error ?? response.status)}`);
  const saved = savedQuerySchema.safeParse(body);
  if (!saved.success) throw new Error('The server sent a saved query that is not valid.');
  return { kind: 'saved', sql: saved.data.sql, name: saved.data.name };
}
