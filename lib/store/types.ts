/**
 * Domain types of the metadata store. Free of Node and database imports, so the
 * UI can share them (and the schemas beside them) with the server.
 */
import type { Issue } from './errors';
import type { JsonContainer, JsonValue } from './json';

/** A query saved on the server, as every store backend returns it. */
export interface SavedQuery {
  /** Random, assigned by the store. */
  id: string;
  /** Trimmed, 1–200 characters. */
  name: string;
  description: string;
  /** Trimmed, non-empty, without duplicates. */
  tags: string[];
  sql: string;
  /** Parameter definitions and values; opaque to the store, but a JSON object or array. */
  parameters: JsonContainer;
  /** Chart settings; opaque to the store for now. */
  chart: JsonValue | null;
  /** ISO 8601 timestamps in UTC. */
  createdAt: string;
  updatedAt: string;
  /** Who created it; `'anonymous'` until sign-in exists. */
  createdBy: string;
  /** Starts at 1 and grows by one on every update. */
  version: number;
  /**
   * The user who created it, who may change or delete it (as may admins);
   * `null` for a query saved before owners were recorded, which only admins may change.
   */
  owner: string | null;
}

/** What a caller supplies to create a saved query; omitted fields take defaults. */
export interface SavedQueryInput {
  name: string;
  description?: string;
  tags?: string[];
  sql: string;
  parameters?: JsonContainer;
  chart?: JsonValue | null;
}

/**
 * A full replacement of a saved query's editable fields, plus the version the caller
 * edited. The read-only fields of a record may be sent back unchanged and are ignored
 * (an `id` must match the record being updated).
 */
export interface SavedQueryUpdate extends SavedQueryInput {
  version: number;
  id?: string;
  createdAt?: string;
  updatedAt?: string;
  createdBy?: string;
  owner?: string | null;
}

/** Who is writing; recorded on the records they create. */
export interface WriteContext {
  actor?: string;
}

/** Options for listing records. */
export interface ListOptions {
  /** Free text: every whitespace-separated term must occur in the name, description or a tag (case-insensitive). */
  q?: string;
  /** At most this many items (default {@link DEFAULT_LIST_LIMIT}, at most {@link MAX_LIST_LIMIT}). */
  limit?: number;
}

/** Default and maximum number of records in one list answer. */
export const DEFAULT_LIST_LIMIT = 200;
export const MAX_LIST_LIMIT = 1000;

/** A stored record that could not be returned, and why. */
export interface RecordProblem {
  id: string;
  /** The stored version, when readable, so the record can still be deleted. */
  version?: number;
  message: string;
  issues: readonly Issue[];
}

/** A list answer: the valid records, newest first, and the records that were skipped. */
export interface ListResult<TRecord> {
  items: TRecord[];
  problems: RecordProblem[];
  /** More records matched than `limit` allowed. */
  truncated: boolean;
}
