import { describe, expect, it } from 'vitest';
import { getStore } from '@/lib/store/server';
import { withTemporaryStore } from '@/lib/store/testing';
import { withSignedInUser, type SignedInRequest } from '@/lib/auth/testing';
import { POST } from './route';
import { DELETE, GET } from './[id]/route';

withTemporaryStore('clusterscope-links-route-');
const analyst = withSignedInUser('analyst');
const viewer = withSignedInUser('viewer');
const admin = withSignedInUser('admin');

const state = {
  v: 1,
  title: '<b>Top</b> queries',
  sql: "select 'é' as x -- 東京",
  params: { n: '5' },
  paramDefs: [{ name: 'n', type: 'number' }],
  chart: { type: 'bar', x: 'x', measures: ['n'] },
  view: 'chart',
};

function post(body: unknown, contentType = 'application/json', as: SignedInRequest = analyst): Promise<Response> {
  return POST(
    as('http://localhost/api/links', {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
}

function context(id: string): { params: Promise<{ id: string }> } {
  return { params: Promise.resolve({ id }) };
}

const get = (id: string, as: SignedInRequest = viewer): Promise<Response> => GET(as(`http://localhost/api/links/${id}`), context(id));
const del = (id: string, as: SignedInRequest = analyst): Promise<Response> => DELETE(as(`http://localhost/api/links/${id}`, { method: 'DELETE' }), context(id));
const anonymous: SignedInRequest = (input, init) => new Request(input, init);

describe('/api/links', () => {
  it('creates a short link (201) that opens with its state, creator and time', async () => {
    const created = await post({ state });
    expect(created.status).toBe(201);
    const body = (await created.json()) as { id: string; path: string; createdBy: string; createdAt: string };
    expect(body.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(body.path).toBe(`/s/${body.id}`);
    expect(created.headers.get('location')).toBe(body.path);
    expect(body.createdBy).toBe('test-analyst');

    const opened = await get(body.id);
    expect(opened.status).toBe(200);
    const link = (await opened.json()) as { state: { sql: string; chart: { type: string; aggregation: string } }; sharedBy: string; sharedAt: string };
    expect(link.state.sql).toBe(state.sql);
    expect(link.state.chart).toMatchObject({ type: 'bar', aggregation: 'none' });
    expect(link).toMatchObject({ sharedBy: 'test-analyst', sharedAt: body.createdAt });
  });

  it('refuses states outside the share schema, and bodies that are not JSON (400/415)', async () => {
    const extra = await post({ state: { ...state, awsSecretAccessKey: 'x' } });
    expect(extra.status).toBe(400);
    expect(((await extra.json()) as { error: string }).error).toContain('awsSecretAccessKey');

    const wrong = await post({ state: { ...state, view: 'map' } });
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { error: string }).error).toMatch(/does not describe a ClusterScope query \(view:/);

    const tooLong = await post({ state: { ...state, sql: 'x'.repeat(200_001) } });
    expect(tooLong.status).toBe(400);
    expect(((await tooLong.json()) as { error: string }).error).toContain('sql:');
    const oversized = await post({ state: { ...state, sql: 'x'.repeat(600 * 1024) } });
    expect(oversized.status).toBe(413);
    expect((await post({ sql: 'select 1' })).status).toBe(400);
    expect((await post('{not json')).status).toBe(400);
    expect((await post(JSON.stringify({ state }), 'text/plain')).status).toBe(415);
  });

  it('revokes (204), after which the link says it was revoked (410); unknown ids are 404', async () => {
    const { id } = (await (await post({ state })).json()) as { id: string };
    expect((await del(id)).status).toBe(204);
    expect((await del(id)).status).toBe(204);
    const opened = await get(id);
    expect(opened.status).toBe(410);
    expect(((await opened.json()) as { error: string }).error).toMatch(/^This short link was revoked by test-analyst on \d{4}-\d\d-\d\d \d\d:\d\d UTC\./);
    expect((await getStore().shortLinks.get(id))?.state).toBeNull();

    for (const unknown of ['AAAAAAAAAAAAAAAAAAAAAA', 'short', '../../etc/passwd']) {
      const missing = await get(unknown);
      expect(missing.status).toBe(404);
      expect(((await missing.json()) as { error: string }).error).toBe(
        'This short link does not exist. Check that it was copied in full, or ask for a new link.',
      );
      expect((await del(unknown)).status).toBe(404);
    }
  });

  it('lets only the creator or an admin revoke (403 for anyone else)', async () => {
    const theirs = await getStore().shortLinks.create(state, { actor: 'ana' });
    const refused = await del(theirs.id);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: string }).error).toBe('Only whoever created this short link, or an admin, may revoke it.');
    expect((await del(theirs.id, viewer)).status).toBe(403);
    expect((await get(theirs.id)).status).toBe(200);
    expect((await del(theirs.id, admin)).status).toBe(204);
    expect((await get(theirs.id)).status).toBe(410);
  });

  it('needs a session for everything and the analyst role to create (401/403 before reading the body)', async () => {
    const { id } = (await (await post({ state })).json()) as { id: string };
    const refused = await post({ state }, 'application/json', viewer);
    expect(refused.status).toBe(403);
    expect((await post('{not json', 'application/json', anonymous)).status).toBe(401);
    expect((await get(id, anonymous)).status).toBe(401);
    expect((await del(id, anonymous)).status).toBe(401);
    expect((await del('AAAAAAAAAAAAAAAAAAAAAA', anonymous)).status).toBe(401);
    expect((await get(id)).status).toBe(200);
  });

  it('says so when a stored state no longer passes the share schema', async () => {
    const broken = await getStore().shortLinks.create({ v: 9, sql: 'select 1' });
    const opened = await get(broken.id);
    expect(opened.status).toBe(500);
    expect(((await opened.json()) as { error: string }).error).toContain('does not describe a ClusterScope query');
  });
});
