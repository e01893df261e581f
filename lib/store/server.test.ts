import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeStore, DEFAULT_DB_PATH, getStore, resolveDatabasePath } from './server';

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
  let dir: string;
  let previous: string | undefined;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'clusterscope-server-'));
    previous = process.env.CLUSTERSCOPE_DB;
    process.env.CLUSTERSCOPE_DB = path.join(dir, 'meta.db');
    await closeStore();
  });

  afterAll(async () => {
    await closeStore();
    if (previous === undefined) delete process.env.CLUSTERSCOPE_DB;
    else process.env.CLUSTERSCOPE_DB = previous;
    await rm(dir, { recursive: true, force: true });
  });

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
