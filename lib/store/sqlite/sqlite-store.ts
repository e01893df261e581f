/** The embedded default backend of the metadata store: one SQLite file. */
import { randomUUID } from 'node:crypto';
import type { MetadataStore } from '../metadata-store';
import { createSqliteSessions, createSqliteUsers } from './auth-tables';
import { openDatabase, type OpenDatabaseOptions } from './database';
import { createSqliteSavedQueries, type SavedQueryDeps } from './saved-queries';

/** Options for {@link openSqliteStore}. */
export interface SqliteStoreOptions extends OpenDatabaseOptions, Partial<SavedQueryDeps> {
  /** The database file (created with its folder if missing), or `':memory:'`. */
  file: string;
}

/**
 * Opens the store in `file`, applying pending migrations. Throws
 * `SchemaTooNewError` if the file was written by a newer ClusterScope.
 */
export function openSqliteStore(options: SqliteStoreOptions): MetadataStore {
  const { file, now = () => new Date(), newId = randomUUID, ...openOptions } = options;
  const db = openDatabase(file, openOptions);
  return {
    savedQueries: createSqliteSavedQueries(db, { now, newId }),
    users: createSqliteUsers(db, now),
    sessions: createSqliteSessions(db),
    async close() {
      if (db.open) db.close();
    },
  };
}
