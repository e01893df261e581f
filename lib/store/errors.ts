/**
 * Typed failures of the metadata store. Routes map them to HTTP statuses, and the
 * UI can tell a conflict (show both versions) from a broken record (name its id).
 */

/** One thing wrong with an input or a stored record: where, and what. */
export interface Issue {
  /** Dotted path of the field, empty for the whole value. */
  path: string;
  message: string;
}

/** Formats issues as `path: message; path: message`. */
export function formatIssues(issues: readonly Issue[]): string {
  return issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)).join('; ');
}

const STORE_ERROR = Symbol.for('clusterscope.store-error');

/** Base class, so callers can tell store failures from bugs. */
export class StoreError extends Error {
  override readonly name: string = 'StoreError';
  readonly [STORE_ERROR] = true;
}

/** The caller sent something the store will not keep. */
export class InvalidInputError extends StoreError {
  override readonly name = 'InvalidInputError';

  constructor(
    /** What was being validated, e.g. "saved query". */
    readonly subject: string,
    readonly issues: readonly Issue[],
  ) {
    super(`invalid ${subject}: ${formatIssues(issues)}`);
  }
}

/** No record with this id (it never existed, or it was deleted). */
export class NotFoundError extends StoreError {
  override readonly name = 'NotFoundError';

  constructor(
    readonly kind: string,
    readonly id: string,
  ) {
    super(`${kind} ${JSON.stringify(id)} does not exist`);
  }
}

/**
 * A write was based on a version that is no longer current. Carries the current
 * record, so the caller can show what changed and nothing typed is lost.
 */
export class ConflictError<TRecord extends { id: string; version: number }> extends StoreError {
  override readonly name = 'ConflictError';

  constructor(
    readonly kind: string,
    /** The version the caller edited. */
    readonly expectedVersion: number,
    /** The record as it is now. */
    readonly current: TRecord,
  ) {
    super(
      `${kind} ${JSON.stringify(current.id)} was changed by someone else: you edited version ${expectedVersion}, ` + `it is now at version ${current.version}`,
    );
  }
}

/** The user may not change or delete this record (see `ownership.ts`); the message says why. */
export class ForbiddenError extends StoreError {
  override readonly name = 'ForbiddenError';

  constructor(
    readonly kind: string,
    readonly id: string,
    readonly reason: string,
  ) {
    super(`${kind} ${JSON.stringify(id)} cannot be changed: ${reason}`);
  }
}

/** A stored record failed validation on the way out of the database. */
export class MalformedRecordError extends StoreError {
  override readonly name = 'MalformedRecordError';

  constructor(
    readonly kind: string,
    readonly id: string,
    readonly issues: readonly Issue[],
    /** The stored version when it was readable, so the record can still be deleted or overwritten. */
    readonly version?: number,
  ) {
    super(`${kind} ${JSON.stringify(id)} is malformed in the store: ${formatIssues(issues)}`);
  }
}

/** The database was written by a newer ClusterScope than this one. */
export class SchemaTooNewError extends StoreError {
  override readonly name = 'SchemaTooNewError';

  constructor(
    readonly location: string,
    readonly databaseVersion: number,
    readonly supportedVersion: number,
  ) {
    super(
      `the metadata database ${location} has schema version ${databaseVersion}, but this ClusterScope ` +
        `supports up to version ${supportedVersion}; upgrade ClusterScope or point CLUSTERSCOPE_DB at another file`,
    );
  }
}

/** The store was used after `close()`. */
export class StoreClosedError extends StoreError {
  override readonly name = 'StoreClosedError';

  constructor() {
    super('the metadata store is closed');
  }
}

/** The store's failures by name. */
export interface StoreErrors {
  InvalidInputError: InvalidInputError;
  NotFoundError: NotFoundError;
  ConflictError: ConflictError<{ id: string; version: number }>;
  ForbiddenError: ForbiddenError;
  MalformedRecordError: MalformedRecordError;
  SchemaTooNewError: SchemaTooNewError;
  StoreClosedError: StoreClosedError;
}

/**
 * Whether `error` is the named store failure, also when another bundled copy of
 * this module threw it: Next bundles each route on its own, while the store
 * (and so the classes its errors come from) is shared through `globalThis`, so
 * `instanceof` fails across routes.
 */
export function isStoreError<K extends keyof StoreErrors>(error: unknown, name: K): error is StoreErrors[K] {
  return typeof error === 'object' && error !== null && STORE_ERROR in error && (error as { name?: unknown }).name === name;
}
