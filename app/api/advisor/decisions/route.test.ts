import { describe, expect, it } from 'vitest';
import { withSignedInUser } from '@/lib/auth/testing';
import { withTemporaryStore } from '@/lib/store/testing';
import { DELETE, GET, POST } from './route';

withTemporaryStore('clusterscope-decisions-route-', 'clusterscope.db');
const analyst = withSignedInUser('analyst');
const viewer = withSignedInUser('viewer');

const URL_BASE = 'http://localhost/api/advisor/decisions';
const SNOOZE = { findingId: 'wlm-queue|prod-etl-use1|service class 6, 09:00 UTC', action: 'snoozed', reason: '', until: '2026-12-09', impactUs: 12e6 };

function post(signedIn: typeof analyst, body: unknown): Promise<Response> {
  return POST(signedIn(URL_BASE, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }));
}

describe('/api/advisor/decisions', () => {
  it('an analyst snoozes and restores; everyone sees it; a viewer may not decide', async () => {
    expect((await post(viewer, SNOOZE)).status).toBe(403);
    const stored = await post(analyst, SNOOZE);
    expect(stored.status).toBe(200);
    expect(await stored.json()).toMatchObject({ ...SNOOZE, decidedBy: 'test-analyst' });
    const listed = (await (await GET(viewer(URL_BASE))).json()) as { decisions: { findingId: string }[] };
    expect(listed.decisions.map((d) => d.findingId)).toEqual([SNOOZE.findingId]);
    const gone = `${URL_BASE}?finding=${encodeURIComponent(SNOOZE.findingId)}`;
    expect((await DELETE(viewer(gone, { method: 'DELETE' }))).status).toBe(403);
    expect((await DELETE(analyst(gone, { method: 'DELETE' }))).status).toBe(204);
    expect((await DELETE(analyst(gone, { method: 'DELETE' }))).status).toBe(404);
  });

  it('bad input gets a 400 with the reason', async () => {
    const response = await post(analyst, { ...SNOOZE, until: null });
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain('a snooze needs a day to end');
    expect((await DELETE(analyst(URL_BASE, { method: 'DELETE' }))).status).toBe(400);
  });
});
