/**
 * The FLE audit log's records. They describe who decrypted what, where and
 * how much; they never hold plaintext, ciphertext or key material (the input
 * schema has no field that could carry them).
 */

/** What happened. */
export const AUDIT_ACTIONS = ['key-loaded', 'key-forgotten', 'reveal', 'decrypt-column', 'export-plaintext'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** `start` is written before decrypting (fail closed), `complete` after, with the counts. */
export const AUDIT_PHASES = ['start', 'complete'] as const;
export type AuditPhase = (typeof AUDIT_PHASES)[number];

/** What the browser sends. */
export interface AuditInput {
  action: AuditAction;
  phase: AuditPhase;
  /** Links a `complete` record to its `start` record; chosen by the browser. */
  runId: string;
  /** Data source and place of the values. */
  source: string | null;
  table: string | null;
  column: string | null;
  /** Values asked for, and how many decrypted and failed (on completion). */
  rowCount: number | null;
  succeeded: number | null;
  failed: number | null;
  /** Key fingerprint for key events; a cancel note; never values. */
  note: string | null;
}

/** A stored record. */
export interface AuditRecord extends AuditInput {
  /** Increasing with time; assigned by the store. */
  seq: number;
  /** ISO 8601 UTC, from the server's clock. */
  at: string;
  /** The signed-in user's stable key (a local account's name, or `oidc:…|sub`). */
  actor: string;
  /** The name to show for `actor`, added when the log is listed. */
  actorName?: string;
}

/** Newest records first, at most `limit`, older than `before` (a seq) when given. */
export interface AuditQuery {
  limit?: number;
  before?: number;
}

/** The append-only log: no update or delete exists, and the database refuses both. */
export interface AuditLog {
  append(input: AuditInput, actor: string): Promise<AuditRecord>;
  list(query?: AuditQuery): Promise<AuditRecord[]>;
}

export const DEFAULT_AUDIT_LIMIT = 200;
export const MAX_AUDIT_LIMIT = 10_000;
