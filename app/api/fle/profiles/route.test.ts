import { describe, expect, it } from 'vitest';
import type { FleProfile } from '@/lib/fle/profile';
import { generateRsaKeyPair } from '@/lib/fle/testing/vectors';
import { demoPrivateKeyPem } from '@/lib/sample/keys';
import { withTemporaryStore } from '@/lib/store/testing';
import { withSignedInUser } from '@/lib/auth/testing';
import { DELETE, PUT } from './[id]/route';
import { GET, POST } from './route';

withTemporaryStore('clusterscope-fle-route-');
const signedIn = withSignedInUser('admin');
const analyst = withSignedInUser('analyst');

const JSON_HEADERS = { 'content-type': 'application/json' };

function post(body: unknown): Promise<Response> {
  return POST(signedIn('http://localhost/api/fle/profiles', { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify(body) }));
}

async function list(): Promise<FleProfile[]> {
  return ((await (await GET(signedIn('http://localhost/api/fle/profiles'))).json()) as { profiles: FleProfile[] }).profiles;
}

const params = (id: string): { params: Promise<{ id: string }> } => ({ params: Promise.resolve({ id }) });

describe('/api/fle/profiles', () => {
  it('offers the sample profile out of the box while the source is the sample', async () => {
    const [sample] = await list();
    expect(sample).toMatchObject({ id: 'sample-demo', providerName: 'ClusterScopeDemo', keyName: 'DemoPublicKey', builtIn: true });
    expect(sample?.protectedColumns).toEqual({ stl_query: ['querytxt'], stl_querytext: ['text'], stl_ddltext: ['text'], stl_utilitytext: ['text'] });
    expect(sample?.fingerprint).toMatch(/^([0-9a-f]{2}:){31}[0-9a-f]{2}$/);
    const change = await PUT(signedIn('http://localhost/x', { method: 'PUT', headers: JSON_HEADERS, body: '{}' }), params('sample-demo'));
    expect(change.status).toBe(409);
  });

  it('adds, changes and removes a profile with its fingerprint', async () => {
    const { publicKeyPem } = generateRsaKeyPair();
    const created = await post({ providerName: 'Prod-FLE', keyName: 'prod_key_1', publicKeyPem, protectedColumns: { stl_query: ['querytxt'] } });
    expect(created.status).toBe(201);
    const profile = (await created.json()) as FleProfile;
    expect(profile).toMatchObject({ providerName: 'Prod-FLE', builtIn: false, updatedBy: 'test-admin' });
    const body = JSON.stringify({ providerName: 'Prod-FLE', keyName: 'prod_key_2', publicKeyPem, protectedColumns: {} });
    const changed = await PUT(signedIn('http://localhost/x', { method: 'PUT', headers: JSON_HEADERS, body }), params(profile.id));
    expect(await changed.json()).toMatchObject({ keyName: 'prod_key_2', fingerprint: profile.fingerprint });
    expect((await list()).map((p) => p.id)).toContain(profile.id);
    expect((await DELETE(signedIn('http://localhost/x', { method: 'DELETE' }), params(profile.id))).status).toBe(204);
    expect((await DELETE(signedIn('http://localhost/x', { method: 'DELETE' }), params(profile.id))).status).toBe(404);
  });

  it('refuses a private key, a short key, bad names and bad columns with their messages', async () => {
    const base = { providerName: 'P', keyName: 'K', publicKeyPem: generateRsaKeyPair().publicKeyPem };
    const cases: [unknown, string][] = [
      [{ ...base, publicKeyPem: demoPrivateKeyPem() }, 'BEGIN PUBLIC KEY'],
      [{ ...base, publicKeyPem: generateRsaKeyPair(1024).publicKeyPem }, 'RSA-1024'],
      [{ ...base, providerName: 'has space' }, 'providerName'],
      [{ ...base, protectedColumns: { 'stl query': ['x'] } }, 'protectedColumns'],
      [{ ...base, extra: 1 }, 'extra'],
    ];
    for (const [body, text] of cases) {
      const response = await post(body);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: string }).error).toContain(text);
    }
  });

  it('is for admins only: 401 without a session, 403 for an analyst', async () => {
    expect((await GET(new Request('http://localhost/api/fle/profiles'))).status).toBe(401);
    expect((await GET(analyst('http://localhost/api/fle/profiles'))).status).toBe(403);
    const body = JSON.stringify({ providerName: 'P', keyName: 'K', publicKeyPem: generateRsaKeyPair().publicKeyPem });
    expect((await POST(analyst('http://localhost/api/fle/profiles', { method: 'POST', headers: JSON_HEADERS, body }))).status).toBe(403);
    expect((await DELETE(analyst('http://localhost/x', { method: 'DELETE' }), params('sample-demo'))).status).toBe(403);
  });
});
