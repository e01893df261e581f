import Database from 'better-sqlite3';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ForbiddenError } from '../errors';
import type { MetadataStore } from '../metadata-store';
import type { Editor } from '../ownership';
import { openDatabase } from './database';
import { MIGRATIONS } from './migrations';
import { openSqliteStore } from './sqlite-store';

const alice: Editor = { id: 'alice', name: 'alice', role: 'analyst' };
const bob: Editor = { id: 'bob', name: 'bob', role: 'analyst' };
const admin: Editor = { id: 'root', name: 'root', role: 'admin' };

let dir: string;
let file: string;
let store: MetadataStore;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'clusterscope-ownership-'));
  file = path.join(dir, 'clusterscope.db');
  store = openSqliteStore({ file });
});

afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

async function refusal(promise: Promise<unknown>): Promise<ForbiddenError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof ForbiddenError)) throw new Error(`expected ForbiddenError, got ${String(error)}`);
  return error;
}

describe('owners in the SQLite store', () => {
  it('records the creator as owner; only the owner or an admin may change or delete', async () => {
    const query = await store.savedQueries.create({ name: 'Mine', sql: 'select 1' }, { actor: 'alice' });
    const dashboard = await store.dashboards.create({ name: 'Mine' }, { actor: 'alice' });
    expect(query.owner).toBe('alice');
    expect(dashboard).toMatchObject({ owner: 'alice', shipped: false });

    expect((await refusal(store.savedQueries.update(query.id, { ...query, sql: 'select 2' }, bob))).message).toMatch(/belongs to alice/);
    await refusal(store.savedQueries.delete(query.id, 1, bob));
    await refusal(store.dashboards.update(dashboard.id, { ...dashboard, name: 'Bob was here' }, bob));
    await refusal(store.dashboards.delete(dashboard.id, 1, bob));
    expect(await store.savedQueries.get(query.id)).toEqual(query);
    expect(await store.dashboards.get(dashboard.id)).toEqual(dashboard);

    // The owner keeps the record theirs across edits, whoever edits it.
    const edited = await store.savedQueries.update(query.id, { ...query, owner: 'bob', sql: 'select 2' }, alice);
    expect(edited).toMatchObject({ owner: 'alice', version: 2 });
    const byAdmin = await store.dashboards.update(dashboard.id, { ...dashboard, name: 'Tidied' }, admin);
    expect(byAdmin).toMatchObject({ owner: 'alice', name: 'Tidied' });
    await store.savedQueries.delete(query.id, 2, alice);
    await store.dashboards.delete(dashboard.id, 2, admin);
    expect(await store.savedQueries.get(query.id)).toBeNull();
  });

  it('lets the owner repair or delete a malformed record of theirs, and nobody else', async () => {
    const query = await store.savedQueries.create({ name: 'Soon broken', sql: 'select 1' }, { actor: 'alice' });
    const raw = new Database(file);
    raw.prepare("UPDATE saved_queries SET parameters = 'oops' WHERE id = ?").run(query.id);
    raw.close();
    await refusal(store.savedQueries.delete(query.id, 1, bob));
    await store.savedQueries.delete(query.id, 1, alice);
  });
});

describe('migration 6', () => {
  it('leaves existing records without an owner and turns an edited shipped dashboard into a legacy copy', async () => {
    await store.close();
    const legacyFile = path.join(dir, 'legacy.db');
    const old = openDatabase(legacyFile, { migrations: MIGRATIONS.slice(0, 5) });
    const insertDashboard = old.prepare(
      "INSERT INTO dashboards (id, name, filters, tiles, created_at, updated_at, created_by, version) VALUES (?, ?, '{}', '[]', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', 'alice', ?)",
    );
    insertDashboard.run('fleet-overview', 'Fleet overview', 3);
    insertDashboard.run('alerts-table-health', 'Alerts', 1);
    insertDashboard.run('d1', 'Old one', 2);
    old
      .prepare(
        "INSERT INTO saved_queries (id, name, sql, created_at, updated_at, created_by) VALUES ('q1', 'Old query', 'select 1', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', 'alice')",
      )
      .run();
    old.close();

    store = openSqliteStore({ file: legacyFile });
    expect(await store.savedQueries.get('q1')).toMatchObject({ owner: null, createdBy: 'alice' });
    const { items } = await store.dashboards.list();
    expect(items.map((item) => [item.name, item.owner, item.shipped]).sort()).toEqual([
      ['Fleet overview (edited copy)', null, false],
      ['Old one', null, false],
    ]);
    expect(await store.dashboards.get('fleet-overview')).toBeNull();
    await refusal(store.savedQueries.delete('q1', 1, alice));
    await store.savedQueries.delete('q1', 1, admin);
  });
});
