/**
 * Versioned schema migrations for the SQLite store. Each migration runs once, in
 * its own transaction, and is recorded in `schema_migrations`; a database that
 * records a version newer than this code knows is refused rather than guessed at.
 */
import type Database from 'better-sqlite3';
import { SchemaTooNewError } from '../errors';

/** One schema change. Versions start at 1 and increase by one; never edit a shipped migration. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly up: (db: Database.Database) => void;
}

/** The schema, in order. Append new migrations (dashboards, short links) at the end. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'create saved_queries',
    up: (db) => {
      // STRICT: SQLite rejects a value of the wrong column type instead of storing it.
      // JSON columns are TEXT and are validated when read.
      db.exec(`
        CREATE TABLE saved_queries (
          id TEXT PRIMARY KEY NOT NULL,
          name TEXT NOT NULL,
          description TEXT NOT NULL DEFAULT '',
          tags TEXT NOT NULL DEFAULT '[]',
          sql TEXT NOT NULL,
          parameters TEXT NOT NULL DEFAULT '{}',
          chart TEXT,
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          created_by TEXT NOT NULL,
          version INTEGER NOT NULL DEFAULT 1
        ) STRICT;
        CREATE INDEX saved_queries_updated_at ON saved_queries (updated_at DESC, id);
      `);
    },
  },
  {
    version: 2,
    name: 'create dashboards',
    up: (db) => {
      // Filters and tiles are JSON validated on read, like saved-query parameters.
      db.exec(`
        CREATE TABLE dashboards (
          id TEXT PRIMARY KEY NOT NULL,
          name TEXT NOT NULL,
          description TEXT NOT NULL DEFAULT '',
          filters TEXT NOT NULL DEFAULT '{}',
          tiles TEXT NOT NULL DEFAULT '[]',
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          created_by TEXT NOT NULL,
          version INTEGER NOT NULL DEFAULT 1
        ) STRICT;
        CREATE INDEX dashboards_updated_at ON dashboards (updated_at DESC, id);
      `);
    },
  },
  {
    // Short links (issue 5).
    version: 3,
    name: 'create short_links',
    up: (db) => {
      // state is NULL once revoked; the row stays so the link can say it was revoked.
      db.exec(`
        CREATE TABLE short_links (
          id TEXT PRIMARY KEY NOT NULL,
          state TEXT,
          created_by TEXT NOT NULL,
          created_at TEXT NOT NULL,
          revoked_at TEXT,
          revoked_by TEXT
        ) STRICT;
      `);
    },
  },
  {
    // Issue 7 (FLE).
    version: 4,
    name: 'create fle_profiles and the append-only audit_log',
    up: (db) => {
      db.exec(`
        CREATE TABLE fle_profiles (
          id TEXT PRIMARY KEY NOT NULL,
          provider_name TEXT NOT NULL,
          key_name TEXT NOT NULL,
          public_key_pem TEXT NOT NULL,
          fingerprint TEXT NOT NULL,
          protected_columns TEXT NOT NULL DEFAULT '{}',
          updated_at TEXT NOT NULL,
          updated_by TEXT NOT NULL
        ) STRICT;
        CREATE TABLE audit_log (
          seq INTEGER PRIMARY KEY AUTOINCREMENT,
          at TEXT NOT NULL,
          actor TEXT NOT NULL,
          action TEXT NOT NULL,
          phase TEXT NOT NULL,
          run_id TEXT NOT NULL,
          source TEXT,
          table_name TEXT,
          column_name TEXT,
          row_count INTEGER,
          succeeded INTEGER,
          failed INTEGER,
          note TEXT
        ) STRICT;
        -- Append-only, enforced by the database itself, not just by the absence of an API.
        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
          BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
          BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
      `);
    },
  },
  {
    // Issue 7: sign-in.
    version: 5,
    name: 'create users and sessions',
    up: (db) => {
      // Local accounts only: OIDC users live in their sessions. A session row keys on the
      // SHA-256 of the cookie's random token, so a copy of the database holds no usable session.
      db.exec(`
        CREATE TABLE users (
          name TEXT PRIMARY KEY NOT NULL,
          role TEXT NOT NULL CHECK (role IN ('viewer', 'analyst', 'admin')),
          password_hash TEXT NOT NULL,
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL
        ) STRICT;
        CREATE TABLE sessions (
          token_hash TEXT PRIMARY KEY NOT NULL,
          user_name TEXT NOT NULL,
          role TEXT NOT NULL CHECK (role IN ('viewer', 'analyst', 'admin')),
          provider TEXT NOT NULL CHECK (provider IN ('local', 'demo', 'oidc')),
          csrf_token TEXT NOT NULL,
          created_at TEXT NOT NULL,
          expires_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX sessions_user_name ON sessions (user_name);
        CREATE INDEX sessions_expires_at ON sessions (expires_at);
      `);
    },
  },
  {
    // Issue 15: single sign-on users are keyed on issuer + subject, not on a name anyone may take.
    version: 6,
    name: 'key sessions on stable user ids, keep single sign-on grants, add identities',
    up: (db) => {
      // Existing local and demo sessions keep working (their key is the account name). Single
      // sign-on sessions were keyed on a bare provider name and hold no grant to re-check: they end.
      db.exec(`
        DELETE FROM sessions WHERE provider = 'oidc';
        ALTER TABLE sessions ADD COLUMN user_id TEXT NOT NULL DEFAULT '';
        UPDATE sessions SET user_id = user_name;
        ALTER TABLE sessions ADD COLUMN claims_checked_at TEXT;
        ALTER TABLE sessions ADD COLUMN oidc_tokens TEXT;
        DROP INDEX sessions_user_name;
        CREATE INDEX sessions_user_id ON sessions (user_id);
        CREATE TABLE identities (
          id TEXT PRIMARY KEY NOT NULL,
          issuer TEXT NOT NULL,
          subject TEXT NOT NULL,
          name TEXT NOT NULL,
          first_seen_at TEXT NOT NULL,
          last_seen_at TEXT NOT NULL
        ) STRICT;
      `);
    },
  },
  {
    // Issue 15, point 10: owners, and read-only shipped dashboards.
    version: 7,
    name: 'add owners to saved_queries and dashboards, mark shipped dashboards',
    up: (db) => {
      // Existing rows get no owner (NULL, "legacy"): only admins may change them. created_by is not
      // trusted as an identity, since names were not namespaced when it was written.
      // The shipped dashboards' ids as of this migration. A copy a user edited is kept as a legacy
      // dashboard under a new id; the shipped ids are then cleared, and stored again from the code
      // as shipped (read-only) on next use.
      db.exec(`
        ALTER TABLE saved_queries ADD COLUMN owner TEXT;
        ALTER TABLE dashboards ADD COLUMN owner TEXT;
        ALTER TABLE dashboards ADD COLUMN shipped INTEGER NOT NULL DEFAULT 0 CHECK (shipped IN (0, 1));
        INSERT INTO dashboards (id, name, description, filters, tiles, created_at, updated_at, created_by, version, owner, shipped)
          SELECT lower(hex(randomblob(12))), name || ' (edited copy)', description, filters, tiles, created_at, updated_at, created_by, 1, NULL, 0
          FROM dashboards WHERE id IN ('fleet-overview', 'alerts-table-health') AND version > 1;
        DELETE FROM dashboards WHERE id IN ('fleet-overview', 'alerts-table-health');
      `);
    },
  },
  {
    // Issue 17: the team's dismiss and snooze decisions on Advisor findings.
    version: 8,
    name: 'add advisor_decisions',
    up: (db) => {
      db.exec(`
        CREATE TABLE advisor_decisions (
          finding_id TEXT PRIMARY KEY NOT NULL,
          action TEXT NOT NULL CHECK (action IN ('dismissed', 'snoozed')),
          reason TEXT NOT NULL,
          until TEXT,
          impact_us REAL NOT NULL,
          decided_by TEXT NOT NULL,
          decided_at TEXT NOT NULL
        ) STRICT;
      `);
    },
  },
];

/** What {@link migrate} did. */
export interface MigrationResult {
  /** Schema version before and after. */
  from: number;
  to: number;
  /** Versions applied now, in order. */
  applied: number[];
}

function checkOrder(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`migration ${JSON.stringify(migration.name)} has version ${migration.version}, expected ${index + 1}`);
    }
  });
}

function ensureMigrationsTable(db: Database.Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY NOT NULL,
      name TEXT NOT NULL,
      applied_at TEXT NOT NULL
    ) STRICT
  `);
}

function appliedVersions(db: Database.Database): Set<number> {
  const rows = db.prepare('SELECT version FROM schema_migrations').pluck().all();
  return new Set(rows.filter((version): version is number => typeof version === 'number'));
}

/** The highest migration version recorded in the database (0 for a new one). */
export function schemaVersion(db: Database.Database): number {
  ensureMigrationsTable(db);
  return Math.max(0, ...appliedVersions(db));
}

/**
 * Brings the database up to the newest of `migrations`. Safe when several
 * processes open the same file at once: each migration is re-checked inside an
 * immediate (write-locked) transaction before it runs.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS, now: () => Date = () => new Date()): MigrationResult {
  checkOrder(migrations);
  const supported = migrations.length;
  const from = schemaVersion(db);
  if (from > supported) throw new SchemaTooNewError(db.name, from, supported);

  const applied: number[] = [];
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const migration of migrations) {
    const apply = db.transaction((): void => {
      if (appliedVersions(db).has(migration.version)) return;
      migration.up(db);
      record.run(migration.version, migration.name, now().toISOString());
      applied.push(migration.version);
    });
    apply.immediate();
  }
  return { from, to: schemaVersion(db), applied };
}
