/** The users and sessions tables of the SQLite store (migration "create users and sessions"). */
import type Database from 'better-sqlite3';
import { isRole, type AuthProvider } from '../../auth/roles';
import { InvalidInputError, NotFoundError, StoreClosedError } from '../errors';
import {
  USER_KIND,
  type IdentityDirectory,
  type SessionCollection,
  type SessionRecord,
  type UserCollection,
  type UserRecord,
  type UserSummary,
} from '../metadata-store';

const PROVIDERS: readonly AuthProvider[] = ['local', 'demo', 'oidc'];

function open(db: Database.Database): Database.Database {
  if (!db.open) throw new StoreClosedError();
  return db;
}

function text(row: Record<string, unknown>, key: string): string {
  const value = row[key];
  if (typeof value !== 'string') throw new Error(`stored ${key} is not text`);
  return value;
}

function userRecord(row: Record<string, unknown>): UserRecord {
  const role = row.role;
  // The table's CHECK constraint keeps roles valid; this keeps the type honest.
  if (!isRole(role)) throw new Error(`stored role ${String(role)} is not a role`);
  return { name: text(row, 'name'), role, passwordHash: text(row, 'password_hash'), createdAt: text(row, 'created_at'), updatedAt: text(row, 'updated_at') };
}

function summary(user: UserRecord): UserSummary {
  return { name: user.name, role: user.role, createdAt: user.createdAt, updatedAt: user.updatedAt };
}

/** Local accounts in `db`, which must already be migrated. */
export function createSqliteUsers(db: Database.Database, now: () => Date): UserCollection {
  const select = (name: string): UserRecord | null => {
    const row = open(db).prepare('SELECT * FROM users WHERE name = ?').get(name) as Record<string, unknown> | undefined;
    return row ? userRecord(row) : null;
  };
  return {
    async list() {
      const rows = open(db).prepare('SELECT * FROM users ORDER BY name').all() as Record<string, unknown>[];
      return rows.map((row) => summary(userRecord(row)));
    },
    async get(name) {
      return select(name);
    },
    async create({ name, role, passwordHash }) {
      const stamp = now().toISOString();
      const result = open(db)
        .prepare('INSERT INTO users (name, role, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (name) DO NOTHING')
        .run(name, role, passwordHash, stamp, stamp);
      if (result.changes === 0) throw new InvalidInputError(USER_KIND, [{ path: 'name', message: `a user named ${JSON.stringify(name)} already exists` }]);
      return { name, role, createdAt: stamp, updatedAt: stamp };
    },
    async update(name, change) {
      const update = db.transaction((): UserSummary => {
        const current = select(name);
        if (current === null) throw new NotFoundError(USER_KIND, name);
        const next = { ...current, ...change, updatedAt: now().toISOString() };
        db.prepare('UPDATE users SET role = ?, password_hash = ?, updated_at = ? WHERE name = ?').run(next.role, next.passwordHash, next.updatedAt, name);
        return summary(next);
      });
      return update.immediate();
    },
    async delete(name) {
      const remove = db.transaction((): void => {
        if (db.prepare('DELETE FROM users WHERE name = ?').run(name).changes === 0) throw new NotFoundError(USER_KIND, name);
        db.prepare("DELETE FROM sessions WHERE user_id = ? AND provider = 'local'").run(name);
      });
      open(db);
      remove.immediate();
    },
  };
}

function optionalText(row: Record<string, unknown>, key: string): string | null {
  return row[key] === null ? null : text(row, key);
}

function sessionRecord(row: Record<string, unknown>): SessionRecord {
  const role = row.role;
  const provider = row.provider;
  if (!isRole(role) || !PROVIDERS.includes(provider as AuthProvider)) throw new Error('stored session is malformed');
  return {
    tokenHash: text(row, 'token_hash'),
    userId: text(row, 'user_id'),
    userName: text(row, 'user_name'),
    role,
    provider: provider as AuthProvider,
    csrfToken: text(row, 'csrf_token'),
    createdAt: text(row, 'created_at'),
    expiresAt: text(row, 'expires_at'),
    claimsCheckedAt: optionalText(row, 'claims_checked_at'),
    oidcTokens: optionalText(row, 'oidc_tokens'),
  };
}

/** Sessions in `db`, which must already be migrated. */
export function createSqliteSessions(db: Database.Database): SessionCollection {
  return {
    async create(session) {
      open(db)
        .prepare(
          `INSERT INTO sessions (token_hash, user_id, user_name, role, provider, csrf_token, created_at, expires_at, claims_checked_at, oidc_tokens)
           VALUES (@tokenHash, @userId, @userName, @role, @provider, @csrfToken, @createdAt, @expiresAt, @claimsCheckedAt, @oidcTokens)`,
        )
        .run(session);
    },
    async get(tokenHash) {
      const row = open(db).prepare('SELECT * FROM sessions WHERE token_hash = ?').get(tokenHash) as Record<string, unknown> | undefined;
      return row ? sessionRecord(row) : null;
    },
    async delete(tokenHash) {
      open(db).prepare('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash);
    },
    async updateClaims(tokenHash, update) {
      open(db)
        .prepare(
          'UPDATE sessions SET user_name = @userName, role = @role, claims_checked_at = @claimsCheckedAt, oidc_tokens = @oidcTokens WHERE token_hash = @tokenHash',
        )
        .run({ ...update, tokenHash });
    },
    async deleteForUser(userId) {
      open(db).prepare('DELETE FROM sessions WHERE user_id = ?').run(userId);
    },
    async deleteExpired(now) {
      return open(db).prepare('DELETE FROM sessions WHERE expires_at <= ?').run(now.toISOString()).changes;
    },
  };
}

/** Provider users seen at sign-in, in `db`, which must already be migrated. */
export function createSqliteIdentities(db: Database.Database): IdentityDirectory {
  return {
    async record(identity, now) {
      const stamp = now.toISOString();
      open(db)
        .prepare(
          `INSERT INTO identities (id, issuer, subject, name, first_seen_at, last_seen_at) VALUES (@id, @issuer, @subject, @name, @stamp, @stamp)
           ON CONFLICT (id) DO UPDATE SET name = excluded.name, last_seen_at = excluded.last_seen_at`,
        )
        .run({ ...identity, stamp });
    },
    async names(ids) {
      const names = new Map<string, string>();
      const select = open(db).prepare('SELECT name FROM identities WHERE id = ?').pluck();
      for (const id of new Set(ids)) {
        const name: unknown = select.get(id);
        if (typeof name === 'string') names.set(id, name);
      }
      return names;
    },
  };
}
