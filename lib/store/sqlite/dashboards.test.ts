import Database from 'better-sqlite3';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DashboardInput, DashboardTileInput } from '../../dashboards/schema';
import { ConflictError, ForbiddenError, InvalidInputError, MalformedRecordError, NotFoundError } from '../errors';
import type { MetadataStore } from '../metadata-store';
import { openSqliteStore } from './sqlite-store';
import type { Editor } from '../ownership';

/** Records created without an actor have no owner, so these tests write as an admin. */
const ADMIN: Editor = { id: 'test-admin', name: 'test-admin', role: 'admin' };

let dir: string;
let file: string;
let store: MetadataStore;
let tick = 0;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'clusterscope-dashboards-'));
  file = path.join(dir, 'clusterscope.db');
  tick = 0;
  let id = 0;
  store = openSqliteStore({ file, now: () => new Date(Date.UTC(2026, 0, 1, 0, 0, tick++)), newId: () => `d${++id}` });
});

afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

const tile: DashboardTileInput = {
  id: 't1',
  title: 'Queries',
  layout: { x: 0, y: 0, w: 6, h: 4 },
  source: { kind: 'sql', sql: 'select 1 AS n' },
  chart: { type: 'kpi', measures: ['n'] },
};
const input: DashboardInput = { name: 'Fleet', tiles: [tile] };

describe('sqlite dashboards', () => {
  it('creates with defaults, reads back and survives a reopen', async () => {
    const created = await store.dashboards.create(input);
    expect(created).toMatchObject({ id: 'd1', name: 'Fleet', description: '', version: 1, filters: { defaultDays: 7, parameters: [] } });
    expect(created.tiles[0]?.chart).toMatchObject({ type: 'kpi', measures: ['n'], aggregation: 'none' });
    await store.close();
    store = openSqliteStore({ file });
    expect(await store.dashboards.get('d1')).toEqual(created);
  });

  it('updates from the current version and refuses a stale one with the current record, losing nothing', async () => {
    const created = await store.dashboards.create(input);
    const renamed = await store.dashboards.update(created.id, { ...created, name: 'Fleet (mine)' }, ADMIN);
    expect(renamed.version).toBe(2);
    const stale = await store.dashboards.update(created.id, { ...created, name: 'Theirs' }, ADMIN).catch((error: unknown) => error);
    expect(stale).toBeInstanceOf(ConflictError);
    expect((stale as ConflictError<{ id: string; version: number; name: string }>).current).toMatchObject({ name: 'Fleet (mine)', version: 2 });
    expect((await store.dashboards.get(created.id))?.name).toBe('Fleet (mine)');
  });

  it('deletes at the current version only', async () => {
    const created = await store.dashboards.create(input);
    await expect(store.dashboards.delete(created.id, 5, ADMIN)).rejects.toBeInstanceOf(ConflictError);
    await store.dashboards.delete(created.id, 1, ADMIN);
    expect(await store.dashboards.get(created.id)).toBeNull();
    await expect(store.dashboards.delete(created.id, 1, ADMIN)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('names every problem of bad input', async () => {
    const bad = { name: '', tiles: [tile, { ...tile, layout: { x: 20, y: 0, w: 0, h: 1 } }], colour: 'red' };
    const error = await store.dashboards.create(bad as unknown as DashboardInput).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidInputError);
    const paths = (error as InvalidInputError).issues.map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'tiles.1.layout.x', 'tiles.1.layout.w', 'tiles.1.id', '']));
  });

  it('ensures a shipped dashboard once under its fixed id, read-only for everyone, admins included', async () => {
    const first = await store.dashboards.ensure('fleet-overview', input);
    expect(first).toMatchObject({ id: 'fleet-overview', version: 1, owner: null, shipped: true });
    const refused = await store.dashboards.update('fleet-overview', { ...first, name: 'Edited' }, ADMIN).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ForbiddenError);
    expect((refused as ForbiddenError).message).toMatch(/ships with ClusterScope and is read-only: duplicate it/);
    await expect(store.dashboards.delete('fleet-overview', 1, ADMIN)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await store.dashboards.ensure('fleet-overview', input)).toEqual(first);
  });

  it('searches name and description, and reports malformed rows instead of failing the list', async () => {
    await store.dashboards.create({ name: 'Fleet', description: 'hourly load' });
    await store.dashboards.create({ name: 'Alerts' });
    const raw = new Database(file);
    raw
      .prepare("INSERT INTO dashboards (id, name, filters, tiles, created_at, updated_at, created_by) VALUES ('bad', 'Broken', '{}', 'nope', 'x', 'x', 'a')")
      .run();
    raw.close();
    expect((await store.dashboards.list({ q: 'HOURLY' })).items.map((item) => item.name)).toEqual(['Fleet']);
    const all = await store.dashboards.list();
    expect(all.items.map((item) => item.name).sort()).toEqual(['Alerts', 'Fleet']);
    expect(all.problems.map((problem) => problem.id)).toEqual(['bad']);
    await expect(store.dashboards.get('bad')).rejects.toBeInstanceOf(MalformedRecordError);
    expect((await store.dashboards.list({ limit: 1 })).truncated).toBe(true);
  });
});
