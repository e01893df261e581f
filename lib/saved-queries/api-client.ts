/**
 * Browser side of the saved-query API. Answers are checked with the store's
 * own schema, because a stale server or a proxy can answer with anything.
 */
import { z } from 'zod';
import { apiFetch } from '../auth/browser-fetch';
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

const listSchema = z.object({
  items: z.array(z.unknown()),
  problems: z.array(z.object({ id: z.string(), message: z.string() }).loose()),
});

async function call(path: string, init?: RequestInit): Promise<unknown> {
  let response: Response;
  try {
    response = await apiFetch(path, { ...init, headers: { 'Content-Type': 'application/json', ...init?.headers }, cache: 'no-store' });
  } catch {
    throw new Error('Cannot reach the ClusterScope server.');
  }
  const body: unknown = response.status === 204 ? null : await response.json().catch(() => null);
  if (response.status === 409) {
    const current = savedQuerySchema.safeParse((body as { current?: unknown } | null)?.current);
    const message = String((body as { error?: unknown } | null)?.error ?? 'The saved query changed since you opened it.');
    if (current.success) throw new SaveConflict(message, current.data);
    throw new Error(message);
  }
  if (!response.ok) {
    const message = (body as { error?: unknown } | null)?.error;
    throw new Error(typeof message === 'string' ? message : `The server answered ${response.status}.`);
  }
  return body;
}

function record(body: unknown): SavedQuery {
  const parsed = savedQuerySchema.safeParse(body);
  if (!parsed.success) throw new Error('The server sent a saved query that is not valid.');
  return parsed.data;
}

/** Saved queries, newest first, and the records the server could not read. */
export async function listSavedQueries(search = ''): Promise<{ items: SavedQuery[]; problems: string[] }> {
  const body = listSchema.safeParse(await call(`/api/queries${search.trim() ? `?q=${encodeURIComponent(search.trim())}` : ''}`));
  if (!body.success) throw new Error('The server sent a saved-query list that is not valid.');
  const items: SavedQuery[] = [];
  const problems = body.data.problems.map((problem) => problem.message);
  for (const item of body.data.items) {
    const parsed = savedQuerySchema.safeParse(item);
    if (parsed.success) items.push(parsed.data);
    else problems.push('A saved query from the server is not valid and was left out.');
  }
  return { items, problems };
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
