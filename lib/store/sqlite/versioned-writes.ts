/**
 * Optimistic-concurrency writes shared by the SQLite collections: a write names
 * the version it edited, and when it matches no row the caller learns whether the
 * record is gone (`NotFoundError`) or newer (`ConflictError` with the current record).
 */
import type Database from 'better-sqlite3';
import { ConflictError, NotFoundError } from '../errors';
import { parseInput, versionSchema } from '../schemas';

/** The statements and decoder of one collection's table. */
export interface VersionedTable<TRecord extends { id: string; version: number }> {
  kind: string;
  /** `SELECT … WHERE id = ?` */
  selectOne: Database.Statement;
  /** `DELETE … WHERE id = ? AND version = ?` */
  remove: Database.Statement;
  decode: (row: unknown) => TRecord;
}

/** Writes that fail with the right error when the version is stale. */
export interface VersionedWrites<TRecord> {
  /** Runs `write` (an UPDATE … WHERE id AND version, returning its change count) and returns the updated record. */
  updateAt(id: string, version: number, write: () => number): TRecord;
  /** Deletes the record at `version`. */
  deleteAt(id: string, version: unknown): void;
}

/** Versioned update and delete for one table, each in an immediate transaction. */
export function versionedWrites<TRecord extends { id: string; version: number }>(db: Database.Database, table: VersionedTable<TRecord>): VersionedWrites<TRecord> {
  const explainMiss = (id: string, expectedVersion: number): never => {
    const row = table.selectOne.get(id);
    if (row === undefined) throw new NotFoundError(table.kind, id);
    throw new ConflictError<TRecord>(table.kind, expectedVersion, table.decode(row));
  };
  return {
    updateAt(id, version, write) {
      return db.transaction((): TRecord => (write() === 0 ? explainMiss(id, version) : table.decode(table.selectOne.get(id)))).immediate();
    },
    deleteAt(id, version) {
      const expected = parseInput(versionSchema, version, 'version');
      db.transaction((): void => {
        if (table.remove.run(id, expected).changes === 0) explainMiss(id, expected);
      }).immediate();
    },
  };
}
