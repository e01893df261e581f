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

/** The newest version this code knows; other collections append migrations after the first. */
const LATEST = MIGRATIONS.length;
const ALL_RECORDED = MIGRATIONS.map(({ version, name }) => ({ version, name }));

const addNotes: Migration = {
  version: MIGRATIONS.length + 1,
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
      expect(recorded(db)).toEqual(ALL_RECORDED);
      expect(ALL_RECORDED[0]).toEqual({ version: 1, name: 'create saved_queries' });
      expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'saved_queries'").pluck().get()).toBe('saved_queries');
    } finally {
      db.close();
    }
  });

  it('applies nothing again when an up-to-date database is reopened', () => {
    openDatabase(file).close();
    const db = openDatabase(file);
    try {
      expect(migrate(db)).toEqual({ from: LATEST, to: LATEST, applied: [] });
      expect(recorded(db)).toHaveLength(LATEST);
    } finally {
      db.close();
    }
  });

  it('applies only the migrations that are new since the last open', () => {
    openDatabase(file).close();
    const db = new Database(file);
    try {
      expect(migrate(db, [...MIGRATIONS, addNotes])).toEqual({ from: LATEST, to: LATEST + 1, applied: [LATEST + 1] });
      expect(recorded(db)).toEqual([...ALL_RECORDED, { version: LATEST + 1, name: 'create notes' }]);
    } finally {
      db.close();
    }
  });

  it('refuses a database from a newer ClusterScope with a clear error', () => {
    openDatabase(file, { migrations: [...MIGRATIONS, addNotes] }).close();
    expect(() => openDatabase(file)).toThrow(SchemaTooNewError);
    expect(() => openSqliteStore({ file })).toThrow(
      `the metadata database ${file} has schema version ${LATEST + 1}, but this ClusterScope supports up to version ${LATEST}; ` +
        'upgrade ClusterScope or point CLUSTERSCOPE_DB at another file',
    );
    // The refused file was closed again, and is untouched.
    const db = new Database(file);
    try {
      expect(schemaVersion(db)).toBe(LATEST + 1);
    } finally {
      db.close();
    }
  });

  it('rolls a failing migration back completely and records nothing', () => {
    openDatabase(file).close();
    const broken: Migration = {
      version: LATEST + 1,
      name: 'half done',
      up: (db) => {
        db.exec('CREATE TABLE half (id TEXT) STRICT');
        throw new Error('boom');
      },
    };
    expect(() => openDatabase(file, { migrations: [...MIGRATIONS, broken] })).toThrow('boom');
    const db = openDatabase(file);
    try {
      expect(schemaVersion(db)).toBe(LATEST);
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
});
