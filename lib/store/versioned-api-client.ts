/**
 * Browser-side plumbing shared by the clients of the versioned collections
 * (saved queries, dashboards): one JSON call with plain error messages, and
 * records checked with the store's own schema, because a stale server or a
 * proxy can answer with anything.
 */
import { z } from '@/lib/validation/zod';
import { apiFetch } from '../auth/browser-fetch';

/** How one collection's client names its records and reports a stale save. */
export interface VersionedApi<T> {
  schema: z.ZodType<T>;
  /** e.g. "saved query", in "The server sent a saved query that is not valid." */
  kind: string;
  /** Said on a 409 whose answer has no message of its own. */
  staleMessage: string;
  /** The error to throw on a 409 that carries the server's current record. */
  conflict: (message: string, current: T) => Error;
}

/** Calls the API; throws the collection's conflict error on 409 and a readable Error on any other failure. */
export async function callVersionedApi<T>(api: VersionedApi<T>, path: string, init?: RequestInit): Promise<unknown> {
  let response: Response;
  try {
    response = await apiFetch(path, { ...init, headers: { 'Content-Type': 'application/json', ...init?.headers }, cache: 'no-store' });
  } catch {
    throw new Error('Cannot reach the ClusterScope server.');
  }
  const body: unknown = response.status === 204 ? null : await response.json().catch(() => null);
  const message = (body as { error?: unknown } | null)?.error;
  if (response.status === 409) {
    const current = api.schema.safeParse((body as { current?: unknown } | null)?.current);
    const text = typeof message === 'string' ? message : api.staleMessage;
    if (current.success) throw api.conflict(text, current.data);
    throw new Error(text);
  }
  if (!response.ok) throw new Error(typeof message === 'string' ? message : `The server answered ${response.status}.`);
  return body;
}

/** One record from an answer, or an Error saying the server sent an invalid one. */
export function versionedRecord<T>(api: VersionedApi<T>, body: unknown): T {
  const parsed = api.schema.safeParse(body);
  if (!parsed.success) throw new Error(`The server sent a ${api.kind} that is not valid.`);
  return parsed.data;
}

const listSchema = z.object({ items: z.array(z.unknown()), problems: z.array(z.object({ message: z.string() }).loose()) });

/** A list answer's valid records, newest first, and messages about the records left out. */
export function versionedList<T>(api: VersionedApi<T>, body: unknown): { items: T[]; problems: string[] } {
  const list = listSchema.safeParse(body);
  if (!list.success) throw new Error(`The server sent a ${api.kind} list that is not valid.`);
  const problems = list.data.problems.map((problem) => problem.message);
  const items: T[] = [];
  for (const item of list.data.items) {
    const parsed = api.schema.safeParse(item);
    if (parsed.success) items.push(parsed.data);
    else problems.push(`A ${api.kind} from the server is not valid and was left out.`);
  }
  return { items, problems };
}

/** `?q=` for a search, or nothing when it is blank. */
export function searchQuery(search: string): string {
  const q = search.trim();
  return q ? `?q=${encodeURIComponent(q)}` : '';
}
