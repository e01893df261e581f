import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getStore } from '@/lib/store/server';
import type { SavedQuery } from '@/lib/store/types';
import { DELETE, GET, PUT } from './route';
import { withTemporaryStore } from '@/lib/store/testing';
import { withSignedInUser } from '@/lib/auth/testing';
import type { Editor } from '@/lib/store/ownership';

/** Records created without an actor have no owner, so these tests write as an admin. */
const ADMIN: Editor = { id: 'test-admin', name: 'test-admin', role: 'admin' };

const storeDir = withTemporaryStore('clusterscope-query-route-', 'clusterscope.db');
const signedIn = withSignedInUser('analyst');
const otherAnalyst = withSignedInUser('analyst', 'test-analyst-b');
const admin = withSignedInUser('admin');

function context(id: string): { params: Promise<{ id: string }> } {
  return { params: Promise.resolve({ id }) };
}

function url(id: string, query = ''): string {
  return `http://localhost/api/queries/${encodeURIComponent(id)}${query}`;
}

function put(id: string, body: unknown): Promise<Response> {
  return PUT(
    signedIn(url(id), { method: 'PUT', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) }),
    context(id),
  );
}

function del(id: string, query: string): Promise<Response> {
  return DELETE(signedIn(url(id, query), { method: 'DELETE' }), context(id));
}

/** A saved query owned by the signed-in analyst, as if they had saved it. */
async function seed(name: string): Promise<SavedQuery> {
  return getStore().savedQueries.create({ name, sql: 'select 1' }, { actor: 'test-analyst' });
}

describe('/api/queries/[id]', () => {
  it('reads a saved query (200) and answers 404 for an unknown id', async () => {
    const created = await seed('Read me');
    const found = await GET(signedIn(url(created.id)), context(created.id));
    expect(found.status).toBe(200);
    expect(await found.json()).toEqual(created);

    const missing = await GET(signedIn(url('nope')), context('nope'));
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: 'saved query "nope" does not exist' });
  });

  it('updates from the current version (200) and refuses a stale copy with the current record (409)', async () => {
    const original = await seed('Edit me');
    const first = await put(original.id, { ...original, sql: 'select 2' });
    expect(first.status).toBe(200);
    const saved = (await first.json()) as SavedQuery;
    expect(saved).toMatchObject({ sql: 'select 2', version: 2 });

    const stale = await put(original.id, { ...original, sql: 'select 3' });
    expect(stale.status).toBe(409);
    const conflict = (await stale.json()) as { error: string; current: SavedQuery };
    expect(conflict.error).toBe(`saved query "${original.id}" was changed by someone else: you edited version 1, it is now at version 2`);
    expect(conflict.current).toEqual(saved);
    expect((await getStore().savedQueries.get(original.id))?.sql).toBe('select 2');
  });

  it('answers 400 to an update without a version or with a broken body, 404 to an unknown id', async () => {
    const original = await seed('Validate me');
    const noVersion = await put(original.id, { name: 'x', sql: 's' });
    expect(noVersion.status).toBe(400);
    expect(await noVersion.json()).toMatchObject({ error: 'invalid saved query update: version: is required' });
    expect((await put(original.id, 'not json')).status).toBe(400);
    expect((await put('nope', { name: 'x', sql: 's', version: 1 })).status).toBe(404);
  });

  it('deletes at the current version (204); a stale version is 409, an unknown id 404, a missing version 400', async () => {
    const original = await seed('Delete me');
    const updated = await getStore().savedQueries.update(original.id, { ...original, name: 'Renamed' }, ADMIN);

    const stale = await del(original.id, '?version=1');
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { current: SavedQuery }).current).toEqual(updated);

    expect((await del(original.id, '')).status).toBe(400);
    expect((await del(original.id, '?version=two')).status).toBe(400);

    const done = await del(original.id, '?version=2');
    expect(done.status).toBe(204);
    expect(await done.text()).toBe('');
    expect((await del(original.id, '?version=2')).status).toBe(404);
    expect((await GET(signedIn(url(original.id)), context(original.id))).status).toBe(404);
  });

  it('answers 500 naming the record when the stored row is malformed', async () => {
    const created = await seed('Corrupt me');
    const db = new Database(path.join(storeDir(), 'clusterscope.db'));
    try {
      db.prepare("UPDATE saved_queries SET parameters = '{oops' WHERE id = ?").run(created.id);
    } finally {
      db.close();
    }
    const response = await GET(signedIn(url(created.id)), context(created.id));
    expect(response.status).toBe(500);
    expect(((await response.json()) as { error: string }).error).toMatch(
      new RegExp(`^saved query "${created.id}" is malformed in the store: parameters: not valid JSON`),
    );
  });

  it("refuses another analyst's update and delete with 403 naming the owner, and lets an admin", async () => {
    const original = await seed('Alice owns me');
    expect(original.owner).toBe('test-analyst');
    const body = JSON.stringify({ ...original, sql: 'select 666' });
    const headers = { 'content-type': 'application/json' };
    const update = await PUT(otherAnalyst(url(original.id), { method: 'PUT', headers, body }), context(original.id));
    expect(update.status).toBe(403);
    expect(await update.json()).toEqual({
      error: `saved query "${original.id}" cannot be changed: this saved query belongs to test-analyst: only its owner or an admin may change or delete it`,
    });
    const remove = await DELETE(otherAnalyst(url(original.id, '?version=1'), { method: 'DELETE' }), context(original.id));
    expect(remove.status).toBe(403);
    expect(await getStore().savedQueries.get(original.id)).toEqual(original);

    const byAdmin = await PUT(admin(url(original.id), { method: 'PUT', headers, body }), context(original.id));
    expect(byAdmin.status).toBe(200);
    expect(((await byAdmin.json()) as SavedQuery).owner).toBe('test-analyst');
    expect((await DELETE(admin(url(original.id, '?version=2'), { method: 'DELETE' }), context(original.id))).status).toBe(204);
  });

  it('leaves a query saved before owners existed to admins', async () => {
    const legacy = await getStore().savedQueries.create({ name: 'Legacy', sql: 'select 1' });
    expect(legacy.owner).toBeNull();
    const refused = await del(legacy.id, '?version=1');
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: string }).error).toMatch(/saved before owners were recorded: only an admin/);
    expect((await DELETE(admin(url(legacy.id, '?version=1'), { method: 'DELETE' }), context(legacy.id))).status).toBe(204);
  });
});
