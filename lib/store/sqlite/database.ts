/** Opens the SQLite file behind the store, configured and migrated. */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { migrate, MIGRATIONS, type Migration } from './migrations';

/** Options for {@link openDatabase}. */
export interface OpenDatabaseOptions {
  /** The schema to migrate to; tests pass their own lists. */
  migrations?: readonly Migration[];
  /** How long a write waits for another process's lock before failing. */
  busyTimeoutMs?: number;
}

/**
 * Opens (creating the file and its folder if needed) and migrates a database.
 * Uses WAL, so readers never wait for the writer and a crash mid-write loses at
 * most the last transaction. Closes the file again if migration fails.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Database.Database {
  const inMemory = file === ':memory:' || file === '';
  if (!inMemory) mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? 5000))}`);
    if (!inMemory) db.pragma('journal_mode = WAL');
    // Safe with WAL: a power loss may drop the last commits, never corrupt the file.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db, options.migrations ?? MIGRATIONS);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
