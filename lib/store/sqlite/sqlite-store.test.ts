import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError, InvalidInputError, NotFoundError, StoreClosedError } from '../errors';
import type { MetadataStore } from '../metadata-store';
import type { SavedQuery } from '../types';
import { openSqliteStore } from './sqlite-store';
import type { Editor } from '../ownership';

/** Records created without an actor have no owner, so these tests write as an admin. */
const ADMIN: Editor = { id: 'test-admin', name: 'test-admin', role: 'admin' };

let dir: string;
let file: string;
let store: MetadataStore;
let clock: number;
let ids: number;

function open(): MetadataStore {
  return openSqliteStore({
    file,
    // A clock that moves one second per call, so newest-first order is deterministic.
    now: () => new Date(Date.UTC(2026, 0, 1) + 1000 * clock++),
    newId: () => `id-${++ids}`,
  });
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'clusterscope-store-'));
  file = path.join(dir, 'clusterscope.db');
  clock = 0;
  ids = 0;
  store = open();
});

afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

describe('saved queries in SQLite', () => {
  it('creates, reads, updates and deletes', async () => {
    const created = await store.savedQueries.create({ name: ' Slow queries ', sql: 'select 1', tags: ['wlm'], parameters: { cluster: 'a' } });
    expect(created).toEqual<SavedQuery>({
      id: 'id-1',
      name: 'Slow queries',
      description: '',
      tags: ['wlm'],
      sql: 'select 1',
      parameters: { cluster: 'a' },
      chart: null,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      createdBy: 'anonymous',
      version: 1,
      owner: null,
    });
    expect(await store.savedQueries.get('id-1')).toEqual(created);

    const updated = await store.savedQueries.update('id-1', { ...created, name: 'Slowest', chart: { type: 'bar' } }, ADMIN);
    expect(updated).toMatchObject({ id: 'id-1', name: 'Slowest', chart: { type: 'bar' }, version: 2, createdAt: created.createdAt, createdBy: 'anonymous' });
    expect(updated.updatedAt).toBe('2026-01-01T00:00:01.000Z');
    expect(await store.savedQueries.get('id-1')).toEqual(updated);

    await store.savedQueries.delete('id-1', 2, ADMIN);
    expect(await store.savedQueries.get('id-1')).toBeNull();
    expect(await store.savedQueries.list()).toEqual({ items: [], problems: [], truncated: false });
  });

  it('records who created a query', async () => {
    expect((await store.savedQueries.create({ name: 'n', sql: 's' }, { actor: 'ana@example.com' })).createdBy).toBe('ana@example.com');
    expect(await rejection(store.savedQueries.create({ name: 'n', sql: 's' }, { actor: ' ' }))).toBeInstanceOf(InvalidInputError);
  });

  it('refuses invalid input and stores nothing', async () => {
    const error = await rejection(store.savedQueries.create({ name: '', sql: '' }));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).message).toBe('invalid saved query: name: must not be empty; sql: must not be empty');
    expect((await store.savedQueries.list()).items).toEqual([]);
  });

  it('lists newest first and searches name, description and tags', async () => {
    await store.savedQueries.create({ name: 'Queue time by service class', sql: 's', tags: ['WLM'] });
    await store.savedQueries.create({ name: 'Disk spill', description: 'Queries that went to disk', sql: 's', tags: ['storage'] });
    await store.savedQueries.create({ name: 'Größte Abfragen', sql: 's', tags: ['été'] });
    const names = async (q?: string): Promise<string[]> => (await store.savedQueries.list({ q })).items.map((item) => item.name);

    expect(await names()).toEqual(['Größte Abfragen', 'Disk spill', 'Queue time by service class']);
    expect(await names('wlm')).toEqual(['Queue time by service class']);
    expect(await names('DISK queries')).toEqual(['Disk spill']);
    expect(await names('GRÖSSTE ÉTÉ')).toEqual(['Größte Abfragen']);
    expect(await names('storage wlm')).toEqual([]);
    expect(await names('   ')).toHaveLength(3);
    // Tags are searched as values, not as JSON text.
    expect(await names('"')).toEqual([]);
  });

  it('caps the list and says so', async () => {
    for (let i = 0; i < 3; i += 1) await store.savedQueries.create({ name: `q${i}`, sql: 's' });
    const page = await store.savedQueries.list({ limit: 2 });
    expect(page.items.map((item) => item.name)).toEqual(['q2', 'q1']);
    expect(page.truncated).toBe(true);
    expect(await rejection(store.savedQueries.list({ limit: 0 }))).toBeInstanceOf(InvalidInputError);
    expect(await rejection(store.savedQueries.list({ q: 'x'.repeat(501) }))).toBeInstanceOf(InvalidInputError);
  });

  it('refuses a stale update with the current record and keeps the newer save', async () => {
    const original = await store.savedQueries.create({ name: 'Base', sql: 'select 1' });
    const alice = await store.savedQueries.update(original.id, { ...original, sql: 'select 2' }, ADMIN);

    const error = await rejection(store.savedQueries.update(original.id, { ...original, sql: 'select 3' }, ADMIN));
    expect(error).toBeInstanceOf(ConflictError);
    const conflict = error as ConflictError<SavedQuery>;
    expect(conflict.expectedVersion).toBe(1);
    expect(conflict.current).toEqual(alice);
    expect(conflict.message).toBe('saved query "id-1" was changed by someone else: you edited version 1, it is now at version 2');
    expect(await store.savedQueries.get(original.id)).toEqual(alice);

    // Rebased on the current version, the save goes through.
    expect((await store.savedQueries.update(original.id, { ...alice, sql: 'select 3' }, ADMIN)).version).toBe(3);
  });

  it('refuses a stale delete and keeps the record', async () => {
    const original = await store.savedQueries.create({ name: 'Base', sql: 'select 1' });
    const newer = await store.savedQueries.update(original.id, { ...original, name: 'Renamed' }, ADMIN);
    const error = await rejection(store.savedQueries.delete(original.id, 1, ADMIN));
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError<SavedQuery>).current).toEqual(newer);
    expect(await store.savedQueries.get(original.id)).toEqual(newer);
  });

  it('says when a record does not exist', async () => {
    expect(await store.savedQueries.get('nope')).toBeNull();
    const update = await rejection(store.savedQueries.update('nope', { name: 'n', sql: 's', version: 1 }, ADMIN));
    expect(update).toBeInstanceOf(NotFoundError);
    expect((update as Error).message).toBe('saved query "nope" does not exist');
    expect(await rejection(store.savedQueries.delete('nope', 1, ADMIN))).toBeInstanceOf(NotFoundError);
  });

  it('refuses an update whose body names another record', async () => {
    const a = await store.savedQueries.create({ name: 'a', sql: 's' });
    const b = await store.savedQueries.create({ name: 'b', sql: 's' });
    expect(await rejection(store.savedQueries.update(a.id, { ...b }, ADMIN))).toBeInstanceOf(InvalidInputError);
    expect(await store.savedQueries.get(a.id)).toEqual(a);
  });

  it('keeps saved queries across a close and reopen (a server restart)', async () => {
    const created = await store.savedQueries.create({ name: 'Survivor', sql: 'select 42', parameters: [{ name: 'd', type: 'date' }], chart: { type: 'line' } });
    await store.close();
    store = open();
    expect(await store.savedQueries.get(created.id)).toEqual(created);
    expect((await store.savedQueries.list()).items).toEqual([created]);
  });

  it('detects a conflict between two connections to the same file (two server processes)', async () => {
    const other = open();
    try {
      const created = await store.savedQueries.create({ name: 'Shared', sql: 'select 1' });
      const seenByOther = await other.savedQueries.get(created.id);
      expect(seenByOther).toEqual(created);
      await store.savedQueries.update(created.id, { ...created, sql: 'select 2' }, ADMIN);
      expect(await rejection(other.savedQueries.update(created.id, { ...created, sql: 'select 3' }, ADMIN))).toBeInstanceOf(ConflictError);
    } finally {
      await other.close();
    }
  });

  it('throws a clear error once closed, and closing twice is harmless', async () => {
    await store.close();
    await store.close();
    expect(await rejection(store.savedQueries.list())).toBeInstanceOf(StoreClosedError);
    expect(await rejection(store.savedQueries.get('x'))).toBeInstanceOf(StoreClosedError);
  });
});
