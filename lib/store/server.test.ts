import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeStore, DEFAULT_DB_PATH, getStore, resolveDatabasePath } from './server';
import { withTemporaryStore } from './testing';

describe('resolveDatabasePath', () => {
  it('defaults to data/clusterscope.db under the working directory', () => {
    expect(DEFAULT_DB_PATH).toBe(path.join('data', 'clusterscope.db'));
    expect(resolveDatabasePath({}, '/srv/app')).toBe(path.resolve('/srv/app/data/clusterscope.db'));
    expect(resolveDatabasePath({ CLUSTERSCOPE_DB: '  ' }, '/srv/app')).toBe(path.resolve('/srv/app/data/clusterscope.db'));
  });

  it('honours CLUSTERSCOPE_DB, relative or absolute', () => {
    expect(resolveDatabasePath({ CLUSTERSCOPE_DB: 'meta/x.db' }, '/srv/app')).toBe(path.resolve('/srv/app/meta/x.db'));
    expect(resolveDatabasePath({ CLUSTERSCOPE_DB: '/var/lib/cs.db' }, '/srv/app')).toBe(path.resolve('/var/lib/cs.db'));
    expect(resolveDatabasePath({ CLUSTERSCOPE_DB: ':memory:' }, '/srv/app')).toBe(':memory:');
  });
});

describe('getStore', () => {
  withTemporaryStore('clusterscope-server-', 'meta.db');

  it('shares one store per process, kept on globalThis', async () => {
    const store = getStore();
    expect(getStore()).toBe(store);
    expect((globalThis as Record<symbol, unknown>)[Symbol.for('clusterscope.store.metadataStore')]).toBe(store);
    const created = await store.savedQueries.create({ name: 'n', sql: 's' });

    await closeStore();
    const reopened = getStore();
    expect(reopened).not.toBe(store);
    expect(await reopened.savedQueries.get(created.id)).toEqual(created);
  });
});
