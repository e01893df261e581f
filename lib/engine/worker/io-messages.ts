/**
 * Messages on the BroadcastChannel between the engine worker and the page.
 * DuckDB's own worker protocol is left untouched; this side channel reports
 * the HTTP requests the worker makes, so the page can show bytes fetched and
 * files read per query.
 */

/** One HTTP request made inside the worker. */
export interface IoRequestMessage {
  kind: 'request';
  method: string;
  url: string;
  status: number;
  /** Body bytes received (0 for HEAD). */
  bytes: number;
  /** A batched read (method POST to the range batch route): the files whose bytes it brought. */
  files?: string[];
}

/** Asks the worker to answer once every earlier report has been posted. */
export interface IoFlushMessage {
  kind: 'flush';
  id: number;
}

export interface IoFlushedMessage {
  kind: 'flushed';
  id: number;
}

/**
 * Asks the worker to fetch these files' footers, and the chunks of the listed
 * columns (null: all of them), before the next query (see footer-prefetch.ts
 * and chunk-prefetch.ts).
 */
export interface IoPrefetchMessage {
  kind: 'prefetch';
  id: number;
  /** The session's CSRF token: the range batch is a POST. */
  csrf: string;
  /** `columns`: the chunks to fetch after the footer; null for every column, [] for the footer only. */
  files: { url: string; path: string; size: number; columns: string[] | null }[];
}

/** The worker's answer once the footers and chunks are cached (or the attempt failed, which is left to DuckDB's own reads). */
export interface IoPrefetchedMessage {
  kind: 'prefetched';
  id: number;
}

export type IoMessage = IoRequestMessage | IoFlushMessage | IoFlushedMessage | IoPrefetchMessage | IoPrefetchedMessage;

const KINDS = new Set<string>(['request', 'flush', 'flushed', 'prefetch', 'prefetched']);

/** Type guard for data received on the channel, which is outside input. */
export function isIoMessage(value: unknown): value is IoMessage {
  if (typeof value !== 'object' || value === null) return false;
  const kind = (value as { kind?: unknown }).kind;
  return typeof kind === 'string' && KINDS.has(kind);
}
