/**
 * Browser side: loads the catalog manifest from the API and checks its shape,
 * because a proxy or an old server can answer with anything.
 */
import type { CatalogManifest } from './types';

/** Fetches `/api/catalog`; throws an Error with a message fit for the UI. */
export async function fetchManifest(refresh = false): Promise<CatalogManifest> {
  let response: Response;
  try {
    response = await fetch(refresh ? '/api/catalog?refresh=1' : '/api/catalog', { cache: 'no-store' });
  } catch {
    throw new Error('Cannot reach the ClusterScope server to load the catalog.');
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const message = typeof body === 'object' && body !== null && 'error' in body ? String(body.error) : response.statusText;
    throw new Error(`The catalog could not be loaded: ${message}`);
  }
  if (!isManifest(body)) throw new Error('The catalog answer is not a valid manifest.');
  return body;
}

function isManifest(value: unknown): value is CatalogManifest {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<CatalogManifest>;
  return (
    typeof candidate.source === 'string' &&
    Array.isArray(candidate.tables) &&
    Array.isArray(candidate.warnings) &&
    candidate.tables.every((table) => typeof table?.name === 'string' && Array.isArray(table.files) && Array.isArray(table.partitionKeys))
  );
}
