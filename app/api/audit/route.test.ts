import { describe, expect, it } from 'vitest';
import type { AuditRecord } from '@/lib/audit/types';
import { withTemporaryStore } from '@/lib/store/testing';
import { withSignedInUser } from '@/lib/auth/testing';
import { GET, POST } from './route';

withTemporaryStore('clusterscope-audit-route-');
const signedIn = withSignedInUser('admin');
const analyst = withSignedInUser('analyst');

function post(body: unknown): Promise<Response> {
  return POST(
    signedIn('http://localhost/api/audit', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
}

const RECORD = { action: 'reveal', phase: 'start', runId: 'abcd-1234-efgh', source: 'data/sample', column: 'querytxt', rowCount: 1 };

describe('/api/audit', () => {
  it('appends (201) and lists newest first, as JSON and as CSV', async () => {
    const created = await post(RECORD);
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ ...RECORD, seq: 1, actor: 'test-admin', table: null, succeeded: null });
    await post({ ...RECORD, phase: 'complete', succeeded: 1, failed: 0 });
    const listed = (await (await GET(signedIn('http://localhost/api/audit'))).json()) as { records: AuditRecord[] };
    expect(listed.records.map((record) => record.phase)).toEqual(['complete', 'start']);
    const csv = await GET(signedIn('http://localhost/api/audit?format=csv'));
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toBe('seq,at,actor,action,phase,runId,source,table,column,rowCount,succeeded,failed,note');
    expect(lines).toHaveLength(3);
  });

  it('refuses bad records with 400, 413 and 415, and bad paging with 400', async () => {
    expect((await post({ ...RECORD, ciphertext: 'AYAD...' })).status).toBe(400);
    expect((await post({ ...RECORD, action: 'drop' })).status).toBe(400);
    expect((await post('not json')).status).toBe(400);
    expect((await post({ ...RECORD, column: 'x'.repeat(5000) })).status).toBe(413);
    expect((await POST(signedIn('http://localhost/api/audit', { method: 'POST', body: '{}' }))).status).toBe(415);
    expect((await GET(signedIn('http://localhost/api/audit?limit=x'))).status).toBe(400);
  });

  it('offers no way to change or remove a record', async () => {
    const route = await import('./route');
    expect(Object.keys(route).filter((name) => /^(PUT|PATCH|DELETE)$/.test(name))).toEqual([]);
  });

  it('is for admins only: 401 without a session, 403 for an analyst, and nothing is written', async () => {
    const before = ((await (await GET(signedIn('http://localhost/api/audit'))).json()) as { records: AuditRecord[] }).records.length;
    const body = JSON.stringify(RECORD);
    const headers = { 'content-type': 'application/json' };
    expect((await POST(new Request('http://localhost/api/audit', { method: 'POST', headers, body }))).status).toBe(401);
    expect((await POST(analyst('http://localhost/api/audit', { method: 'POST', headers, body }))).status).toBe(403);
    expect((await GET(analyst('http://localhost/api/audit'))).status).toBe(403);
    const after = ((await (await GET(signedIn('http://localhost/api/audit'))).json()) as { records: AuditRecord[] }).records.length;
    expect(after).toBe(before);
  });
});
