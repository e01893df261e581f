/**
 * Browser side of the saved-query API. Answers are checked with the store's
 * own schema, because a stale server or a proxy can answer with anything.
 */
import { callVersionedApi, searchQuery, versionedList, versionedRecord, type VersionedApi } from '../store/versioned-api-client';
import { savedQuerySchema } from '../store/schemas';
import type { SavedQuery, SavedQueryInput } from '../store/types';

export type { SavedQuery, SavedQueryInput };

/** A save refused because the server holds a newer version; nothing was written. */
export class SaveConflict extends Error {
  readonly current: SavedQuery;

  constructor(message: string, current: SavedQuery) {
    super(message);
    this.name = 'SaveConflict';
    this.current = current;
  }
}

const API: VersionedApi<SavedQuery> = {
  schema: savedQuerySchema,
  kind: 'saved query',
  staleMessage: 'The saved query changed since you opened it.',
  conflict: (message, current) => new SaveConflict(message, current),
};

const call = (path: string, init?: RequestInit): Promise<unknown> => callVersionedApi(API, path, init);
const record = (body: unknown): SavedQuery => versionedRecord(API, body);

/** Saved queries, newest first, and the records the server could not read. */
export async function listSavedQueries(search = ''): Promise<{ items: SavedQuery[]; problems: string[] }> {
  return versionedList(API, await call(`/api/queries${searchQuery(search)}`));
}

export async function createSavedQuery(input: SavedQueryInput): Promise<SavedQuery> {
  return record(await call('/api/queries', { method: 'POST', body: JSON.stringify(input) }));
}

/** Updates from the version the user edited; throws SaveConflict when someone saved in between. */
export async function updateSavedQuery(id: string, version: number, input: SavedQueryInput): Promise<SavedQuery> {
  return record(await call(`/api/queries/${encodeURIComponent(id)}`, { method: 'PUT', body: JSON.stringify({ ...input, version }) }));
}

export async function deleteSavedQuery(id: string, version: number): Promise<void> {
  await call(`/api/queries/${encodeURIComponent(id)}?version=${version}`, { method: 'DELETE' });
}
