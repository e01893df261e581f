import { describe, expect, it } from 'vitest';
import { closeStore } from '@/lib/store/server';
import type { ListResult, SavedQuery } from '@/lib/store/types';
import { GET, POST } from './route';
import { withTemporaryStore } from '@/lib/store/testing';
import { withSignedInUser } from '@/lib/auth/testing';

withTemporaryStore('clusterscope-queries-route-', 'clusterscope.db');
const signedIn = withSignedInUser('analyst');

function create(body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }): Promise<Response> {
  return POST(signedIn('http://localhost/api/queries', { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) }));
}

async function list(query = ''): Promise<ListResult<SavedQuery>> {
  const response = await GET(signedIn(`http://localhost/api/queries${query}`));
  expect(response.status).toBe(200);
  return (await response.json()) as ListResult<SavedQuery>;
}

describe('/api/queries', () => {
  it('creates a saved query (201 with its location) and lists it after a restart', async () => {
    const response = await create({
      name: 'Aborted queries',
      description: 'per cluster',
      tags: ['health'],
      sql: 'select 1',
      parameters: { cluster: { type: 'multi' } },
    });
    expect(response.status).toBe(201);
    const created = (await response.json()) as SavedQuery;
    expect(created).toMatchObject({ name: 'Aborted queries', version: 1, createdBy: 'test-analyst', chart: null });
    expect(response.headers.get('location')).toBe(`/api/queries/${created.id}`);
    expect(response.headers.get('cache-control')).toBe('no-store');

    await closeStore(); // as if the server restarted
    expect(await list()).toEqual({ items: [created], problems: [], truncated: false });
  });

  it('searches with ?q= and caps with ?limit=', async () => {
    await create({ name: 'Disk spill', sql: 'select 2', tags: ['storage'] });
    expect((await list('?q=STORAGE')).items.map((item) => item.name)).toEqual(['Disk spill']);
    expect((await list('?q=health%20cluster')).items.map((item) => item.name)).toEqual(['Aborted queries']);
    expect((await list('?limit=1')).truncated).toBe(true);
    const badLimit = await GET(signedIn('http://localhost/api/queries?limit=abc'));
    expect(badLimit.status).toBe(400);
    expect(await badLimit.json()).toEqual({
      error: 'invalid list options: limit: must be a positive integer',
      issues: [{ path: 'limit', message: 'must be a positive integer' }],
    });
  });

  it('answers 400 listing every problem of an invalid body', async () => {
    const response = await create({ name: ' ', sql: 'select 1', parameters: 5, colour: 'red' });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string; issues: unknown[] };
    expect(body.error).toBe('invalid saved query: name: must not be empty; parameters: must be a JSON object or array; Unrecognized key: "colour"');
    expect(body.issues).toHaveLength(3);
  });

  it('answers 400 to a body that is not JSON, and 415 to one not declared JSON', async () => {
    const notJson = await create('{"name": "x",');
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as { error: string }).error).toMatch(/^the request body is not valid JSON/);
    const plain = await create({ name: 'x', sql: 's' }, { 'content-type': 'text/plain' });
    expect(plain.status).toBe(415);
  });

  it('answers 413 to an oversized body and stores nothing', async () => {
    const before = (await list()).items.length;
    const response = await create({ name: 'huge', sql: `select '${'x'.repeat(600 * 1024)}'` });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: 'the request body is larger than 512 KB' });
    expect((await list()).items).toHaveLength(before);
  });
});

describe('/api/queries access', () => {
  const asViewer = withSignedInUser('viewer');

  it('answers 401 without a session, and lets a viewer list but not save', async () => {
    expect((await GET(new Request('http://localhost/api/queries'))).status).toBe(401);
    expect((await GET(asViewer('http://localhost/api/queries'))).status).toBe(200);
    const refused = await POST(
      asViewer('http://localhost/api/queries', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"x","sql":"select 1"}' }),
    );
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ error: 'this needs the analyst role; test-viewer is signed in as viewer' });
  });

  it('refuses a save without the CSRF token', async () => {
    const request = signedIn('http://localhost/api/queries', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name":"x","sql":"select 1"}',
    });
    request.headers.delete('x-csrf-token');
    const refused = await POST(request);
    expect(refused.status).toBe(403);
    expect((await refused.json()) as unknown).toEqual({ error: 'the CSRF token is missing (send the x-csrf-token header)' });
  });
});
