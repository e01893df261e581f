import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SchemaTooNewError } from '../errors';
import { openDatabase } from './database';
import { migrate, MIGRATIONS, schemaVersion, type Migration } from './migrations';
import { openSqliteStore } from './sqlite-store';

let dir: string;
let file: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'clusterscope-migrations-'));
  file = path.join(dir, 'nested', 'meta.db');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The newest version this code knows. */
const N = MIGRATIONS.length;

const addNotes: Migration = {
  version: N + 1,
  name: 'create notes',
  up: (db) => db.exec('CREATE TABLE notes (id TEXT PRIMARY KEY) STRICT'),
};

function recorded(db: Database.Database): unknown[] {
  return db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();
}

describe('migrate', () => {
  it('creates a fresh database (and its folder) in WAL mode at the newest version', () => {
    const db = openDatabase(file);
    try {
      expect(existsSync(file)).toBe(true);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(schemaVersion(db)).toBe(MIGRATIONS.length);
      expect(recorded(db)).toEqual(MIGRATIONS.map(({ version, name }) => ({ version, name })));
      expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'saved_queries'").pluck().get()).toBe('saved_queries');
    } finally {
      db.close();
    }
  });

  it('applies nothing again when an up-to-date database is reopened', () => {
    openDatabase(file).close();
    const db = openDatabase(file);
    try {
      expect(migrate(db)).toEqual({ from: N, to: N, applied: [] });
      expect(recorded(db)).toHaveLength(N);
    } finally {
      db.close();
    }
  });

  it('applies only the migrations that are new since the last open', () => {
    openDatabase(file).close();
    const db = new Database(file);
    try {
      expect(migrate(db, [...MIGRATIONS, addNotes])).toEqual({ from: N, to: N + 1, applied: [N + 1] });
      expect(recorded(db).at(-1)).toEqual({ version: N + 1, name: 'create notes' });
    } finally {
      db.close();
    }
  });

  it('refuses a database from a newer ClusterScope with a clear error', () => {
    openDatabase(file, { migrations: [...MIGRATIONS, addNotes] }).close();
    expect(() => openDatabase(file)).toThrow(SchemaTooNewError);
    expect(() => openSqliteStore({ file })).toThrow(
      `the metadata database ${file} has schema version ${N + 1}, but this ClusterScope supports up to version ${N}; ` +
        'upgrade ClusterScope or point CLUSTERSCOPE_DB at another file',
    );
    // The refused file was closed again, and is untouched.
    const db = new Database(file);
    try {
      expect(schemaVersion(db)).toBe(N + 1);
    } finally {
      db.close();
    }
  });

  it('rolls a failing migration back completely and records nothing', () => {
    openDatabase(file).close();
    const broken: Migration = {
      version: N + 1,
      name: 'half done',
      up: (db) => {
        db.exec('CREATE TABLE half (id TEXT) STRICT');
        throw new Error('boom');
      },
    };
    expect(() => openDatabase(file, { migrations: [...MIGRATIONS, broken] })).toThrow('boom');
    const db = openDatabase(file);
    try {
      expect(schemaVersion(db)).toBe(N);
      expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half'").pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });

  it('rejects a migration list that is out of order', () => {
    const db = new Database(':memory:');
    try {
      expect(() => migrate(db, [{ ...addNotes, version: 4 }])).toThrow('migration "create notes" has version 4, expected 1');
    } finally {
      db.close();
    }
  });

  it('keys sessions on stable ids (issue 15): local and demo sessions carry on, single sign-on sessions keyed on a bare name end', async () => {
    const db = openDatabase(file, { migrations: MIGRATIONS.slice(0, 5) });
    const insert = db.prepare(
      "INSERT INTO sessions (token_hash, user_name, role, provider, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, 'c', '2026-01-01T00:00:00Z', '2999-01-01T00:00:00Z')",
    );
    insert.run('local-hash', 'dana', 'analyst', 'local');
    insert.run('demo-hash', 'admin', 'admin', 'demo');
    insert.run('oidc-hash', 'admin', 'viewer', 'oidc');
    db.close();
    const store = openSqliteStore({ file });
    try {
      expect(await store.sessions.get('local-hash')).toMatchObject({
        userId: 'dana',
        userName: 'dana',
        role: 'analyst',
        claimsCheckedAt: null,
        oidcTokens: null,
      });
      expect(await store.sessions.get('demo-hash')).toMatchObject({ userId: 'admin', provider: 'demo' });
      expect(await store.sessions.get('oidc-hash')).toBeNull();
      await store.identities.record({ id: 'oidc:x|1', issuer: 'https://idp/', subject: '1', name: 'Ann' }, new Date());
      await store.identities.record({ id: 'oidc:x|1', issuer: 'https://idp/', subject: '1', name: 'Ann B.' }, new Date());
      expect(await store.identities.names(['oidc:x|1', 'oidc:x|2', 'dana'])).toEqual(new Map([['oidc:x|1', 'Ann B.']]));
    } finally {
      await store.close();
    }
  });
});
