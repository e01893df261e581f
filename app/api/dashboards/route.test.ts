import { describe, expect, it } from 'vitest';
import type { Dashboard } from '@/lib/dashboards/schema';
import { ALERTS_HEALTH_ID, FLEET_OVERVIEW_ID } from '@/lib/dashboards/shipped';
import { withTemporaryStore } from '@/lib/store/testing';
import { withSignedInUser } from '@/lib/auth/testing';
import type { ListResult } from '@/lib/store/types';
import { DELETE, GET as GET_ONE, PUT } from './[id]/route';
import { GET, POST } from './route';

withTemporaryStore('clusterscope-dashboards-route-');
const signedIn = withSignedInUser('analyst');
const viewer = withSignedInUser('viewer');
const otherAnalyst = withSignedInUser('analyst', 'test-analyst-b');
const admin = withSignedInUser('admin');

const json = { 'content-type': 'application/json' };
const tile = { id: 'a', title: 'One', layout: { x: 0, y: 0, w: 4, h: 4 }, source: { kind: 'sql', sql: 'select 1 AS n' }, chart: null };

function create(body: unknown): Promise<Response> {
  return POST(signedIn('http://localhost/api/dashboards', { method: 'POST', headers: json, body: typeof body === 'string' ? body : JSON.stringify(body) }));
}

function params(id: string): { params: Promise<{ id: string }> } {
  return { params: Promise.resolve({ id }) };
}

function put(id: string, body: unknown): Promise<Response> {
  return PUT(signedIn(`http://localhost/api/dashboards/${id}`, { method: 'PUT', headers: json, body: JSON.stringify(body) }), params(id));
}

describe('/api/dashboards', () => {
  it('lists the shipped dashboards under their fixed ids on first use', async () => {
    const response = await GET(signedIn('http://localhost/api/dashboards'));
    expect(response.status).toBe(200);
    const body = (await response.json()) as ListResult<Dashboard>;
    expect(body.items.map((item) => item.id).sort()).toEqual([ALERTS_HEALTH_ID, FLEET_OVERVIEW_ID].sort());
    const fleet = await GET_ONE(signedIn('http://localhost/'), params(FLEET_OVERVIEW_ID));
    expect(((await fleet.json()) as Dashboard).name).toBe('Fleet overview');
  });

  it('creates, updates, refuses a stale update with 409 and the current record, and deletes', async () => {
    const response = await create({ name: 'Mine', tiles: [tile] });
    expect(response.status).toBe(201);
    const created = (await response.json()) as Dashboard;
    expect(response.headers.get('location')).toBe(`/api/dashboards/${created.id}`);

    const saved = await put(created.id, { ...created, name: 'Mine, renamed' });
    expect(saved.status).toBe(200);
    const stale = await put(created.id, { ...created, name: 'Lost?' });
    expect(stale.status).toBe(409);
    const conflict = (await stale.json()) as { error: string; current: Dashboard };
    expect(conflict.error).toMatch(/was changed by someone else: you edited version 1, it is now at version 2/);
    expect(conflict.current.name).toBe('Mine, renamed');

    const gone = await DELETE(signedIn(`http://localhost/api/dashboards/${created.id}?version=2`, { method: 'DELETE' }), params(created.id));
    expect(gone.status).toBe(204);
    expect((await GET_ONE(signedIn('http://localhost/'), params(created.id))).status).toBe(404);
  });

  it('answers 400 naming the problems of a hostile or malformed body', async () => {
    // Nested far deeper than any real dashboard; sent as text because JSON.stringify itself would overflow.
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    const hostile = await create(`{"name":"x","tiles":[{"id":"a","title":"t","layout":{"x":0,"y":0,"w":1,"h":1},"source":${deep}}]}`);
    expect(hostile.status).toBe(400);
    const proto = await create('{"name":"x","__proto__":{"polluted":true}}');
    expect(proto.status).toBe(400);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    const badJson = await create('{"name":');
    expect(badJson.status).toBe(400);
    const badLayout = await create({ name: 'x', tiles: [{ ...tile, layout: { x: -1, y: 0, w: 99, h: 1 } }] });
    expect(badLayout.status).toBe(400);
    const issues = ((await badLayout.json()) as { issues: { path: string }[] }).issues.map((issue) => issue.path);
    expect(issues).toEqual(['tiles.0.layout.x', 'tiles.0.layout.w']);
  });

  it('answers 400 to a delete without a version', async () => {
    const response = await DELETE(signedIn('http://localhost/api/dashboards/x', { method: 'DELETE' }), params('x'));
    expect(response.status).toBe(400);
  });

  it('needs a session to read and the analyst role to change (401/403)', async () => {
    const anonymous = await GET(new Request('http://localhost/api/dashboards'));
    expect(anonymous.status).toBe(401);
    expect((await GET(viewer('http://localhost/api/dashboards'))).status).toBe(200);
    const refused = await POST(
      viewer('http://localhost/api/dashboards', { method: 'POST', headers: json, body: JSON.stringify({ name: 'Mine', tiles: [tile] }) }),
    );
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: string }).error).toMatch(/analyst/);
    const del = await DELETE(viewer(`http://localhost/api/dashboards/${FLEET_OVERVIEW_ID}?version=1`, { method: 'DELETE' }), params(FLEET_OVERVIEW_ID));
    expect(del.status).toBe(403);
    expect((await GET_ONE(signedIn('http://localhost/'), params(FLEET_OVERVIEW_ID))).status).toBe(200);
  });

  it("keeps a dashboard its owner's: another analyst gets 403, an admin may", async () => {
    const created = (await (await create({ name: 'Owned', tiles: [tile] })).json()) as Dashboard;
    expect(created).toMatchObject({ owner: 'test-analyst', shipped: false });
    const url = `http://localhost/api/dashboards/${created.id}`;
    const body = JSON.stringify({ ...created, name: 'Taken over' });
    const update = await PUT(otherAnalyst(url, { method: 'PUT', headers: json, body }), params(created.id));
    expect(update.status).toBe(403);
    expect(((await update.json()) as { error: string }).error).toBe(
      `dashboard "${created.id}" cannot be changed: this dashboard belongs to test-analyst: only its owner or an admin may change or delete it`,
    );
    expect((await DELETE(otherAnalyst(`${url}?version=1`, { method: 'DELETE' }), params(created.id))).status).toBe(403);
    expect((await PUT(admin(url, { method: 'PUT', headers: json, body }), params(created.id))).status).toBe(200);
  });

  it('refuses to change or delete a shipped dashboard, for admins too, even before it was first stored', async () => {
    for (const user of [signedIn, admin]) {
      const update = await PUT(
        user(`http://localhost/api/dashboards/${ALERTS_HEALTH_ID}`, { method: 'PUT', headers: json, body: JSON.stringify({ name: 'Mine now', version: 1 }) }),
        params(ALERTS_HEALTH_ID),
      );
      expect(update.status).toBe(403);
      expect(((await update.json()) as { error: string }).error).toMatch(/ships with ClusterScope and is read-only: duplicate it/);
      const remove = await DELETE(user(`http://localhost/api/dashboards/${FLEET_OVERVIEW_ID}?version=1`, { method: 'DELETE' }), params(FLEET_OVERVIEW_ID));
      expect(remove.status).toBe(403);
    }
    const fleet = (await (await GET_ONE(signedIn('http://localhost/'), params(FLEET_OVERVIEW_ID))).json()) as Dashboard;
    expect(fleet).toMatchObject({ name: 'Fleet overview', version: 1, shipped: true, owner: null });
  });
});
