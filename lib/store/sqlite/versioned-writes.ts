/**
 * Optimistic-concurrency writes shared by the SQLite collections: a write names
 * the version it edited, and when it matches no row the caller learns whether the
 * record is gone (`NotFoundError`) or newer (`ConflictError` with the current record).
 * Before any write, the ownership rule (`../ownership`) is checked in the same
 * transaction: a refusal is a `ForbiddenError` that says why.
 */
import type Database from 'better-sqlite3';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors';
import { writeVerdict, type Editor, type OwnedRecord } from '../ownership';
import { parseInput, versionSchema } from '../schemas';

/** The statements and decoder of one collection's table. */
export interface VersionedTable<TRecord extends { id: string; version: number }> {
  kind: string;
  /** `SELECT … WHERE id = ?` */
  selectOne: Database.Statement;
  /** `SELECT owner[, shipped] … WHERE id = ?`: read without decoding, so a malformed record can still be repaired or deleted by whoever may. */
  selectOwner: Database.Statement;
  /** `DELETE … WHERE id = ? AND version = ?` */
  remove: Database.Statement;
  decode: (row: unknown) => TRecord;
}

/** Writes that fail with the right error when the version is stale. */
export interface VersionedWrites<TRecord> {
  /** Runs `write` (an UPDATE … WHERE id AND version, returning its change count) and returns the updated record. */
  updateAt(id: string, version: number, editor: Editor, write: () => number): TRecord;
  /** Deletes the record at `version`. */
  deleteAt(id: string, version: unknown, editor: Editor): void;
}

/** The owner columns as the rule reads them; anything unreadable counts as no owner (admins only). */
function ownedRecord(row: unknown): OwnedRecord {
  const { owner, shipped } = (row ?? {}) as { owner?: unknown; shipped?: unknown };
  return { owner: typeof owner === 'string' && owner !== '' ? owner : null, shipped: shipped === 1 };
}

/** Versioned update and delete for one table, each in an immediate transaction. */
export function versionedWrites<TRecord extends { id: string; version: number }>(
  db: Database.Database,
  table: VersionedTable<TRecord>,
): VersionedWrites<TRecord> {
  const explainMiss = (id: string, expectedVersion: number): never => {
    const row = table.selectOne.get(id);
    if (row === undefined) throw new NotFoundError(table.kind, id);
    throw new ConflictError<TRecord>(table.kind, expectedVersion, table.decode(row));
  };
  const checkOwner = (id: string, editor: Editor): void => {
    const row = table.selectOwner.get(id);
    if (row === undefined) throw new NotFoundError(table.kind, id);
    const verdict = writeVerdict(ownedRecord(row), editor, table.kind);
    if (!verdict.allowed) throw new ForbiddenError(table.kind, id, verdict.reason);
  };
  return {
    updateAt(id, version, editor, write) {
      return db
        .transaction((): TRecord => {
          checkOwner(id, editor);
          return write() === 0 ? explainMiss(id, version) : table.decode(table.selectOne.get(id));
        })
        .immediate();
    },
    deleteAt(id, version, editor) {
      const expected = parseInput(versionSchema, version, 'version');
      db.transaction((): void => {
        checkOwner(id, editor);
        if (table.remove.run(id, expected).changes === 0) explainMiss(id, expected);
      }).immediate();
    },
  };
}
