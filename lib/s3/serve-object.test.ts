/**
 * The S3 file route against a real radosgw: presigned URLs only for listed
 * files, Range through the proxy, and a listed object that is gone.
 */
import { DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePartFile, sampleDay } from '../sample/testing';
import { createS3Catalog } from './catalog';
import { PresignedUrls, isPresignAnswer } from '../engine/worker/presigned-urls';
import { SESSION_COOKIE } from '../auth/constants';
import { cookieName } from '../auth/cookies';
import { sessionOf } from '../auth/guard';
import { endSession, startSession } from '../auth/sessions';
import { getStore } from '../store/server';
import { withTemporaryStore } from '../store/testing';
import { MAX_PRESIGN_SECONDS, presignSeconds, serveS3File } from './serve-object';
import { emptyPrefix, ensureBucket } from './testing/bucket';
import { testS3Client } from './testing/env';

const BUCKET = 'serve-test';
const client = testS3Client();
const BODY = readFileSync(samplePartFile('stl_query', 'staging-usw2', sampleDay(0)));
const PATH = 't/clusterid=a/startdate=2026-01-01/part-0.parquet';
let gone = 0;

withTemporaryStore('clusterscope-serve-s3-');

const catalog = createS3Catalog({ client, location: { bucket: BUCKET, prefix: 'p/' } });
const proxyCatalog = createS3Catalog({ client, location: { bucket: BUCKET, prefix: 'p/' }, access: 'proxy' });
function serve(url: string, init: RequestInit = {}, expiresInSeconds = 60, options: { proxy?: boolean } = {}): Promise<Response> {
  const segments = new URL(url).pathname.split('/').slice(3).map(decodeURIComponent);
  const request = new Request(url, init);
  const source = options.proxy ? proxyCatalog : catalog;
  return serveS3File(request, segments, {
    client,
    bucket: BUCKET,
    manifest: () => source.get({ allowStale: true }),
    keyOf: source.keyOf,
    objectGone: () => {
      gone += 1;
    },
    expiresInSeconds,
    // Live, as lib/s3/route.ts does it; a request without a cookie counts as signed in for the other tests.
    stillSignedIn: async () => !request.headers.has('cookie') || (await sessionOf(request)) !== null,
  });
}

beforeAll(async () => {
  await ensureBucket(client, BUCKET, { cors: true });
  await emptyPrefix(client, BUCKET, '');
  await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: `p/${PATH}`, Body: BODY }));
  await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'p/t/clusterid=a/startdate=2026-01-02/part-1.parquet', Body: BODY }));
  await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'secret/not-listed.parquet', Body: BODY }));
  await catalog.get();
});

afterAll(() => emptyPrefix(client, BUCKET, ''));

describe('serveS3File', () => {
  it('signs only files in the manifest, and the URL reads a range straight from S3', async () => {
    const answer: unknown = await (await serve(`http://app/api/files/${PATH}?presign=1`)).json();
    expect(isPresignAnswer(answer)).toBe(true);
    if (!isPresignAnswer(answer)) return;
    expect(decodeURIComponent(new URL(answer.url).pathname)).toBe(`/${BUCKET}/p/${PATH}`);
    expect(answer.url).not.toContain('clusterscope-local-secret');
    const ranged = await fetch(answer.url, { headers: { Range: 'bytes=0-3' } });
    expect(ranged.status).toBe(206);
    expect(await ranged.text()).toBe('PAR1');
    expect((await serve('http://app/api/files/secret/not-listed.parquet?presign=1')).status).toBe(404);
    expect((await serve('http://app/api/files/t/..%2F..%2Fsecret/not-listed.parquet?presign=1')).status).toBe(400);
    const tampered = await fetch(answer.url.replace('part-0', 'part-1'), { headers: { Range: 'bytes=0-3' } });
    expect(tampered.status).toBe(403);
  });

  it('signs nothing in proxy mode', async () => {
    const response = await serve(`http://app/api/files/${PATH}?presign=1`, {}, 60, { proxy: true });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: 'presigned URLs are off on this server: files are read through the app server (proxy mode)' });
    expect((await serve(`http://app/api/files/${PATH}`, { headers: { Range: 'bytes=0-3' } }, 60, { proxy: true })).status).toBe(206);
  });

  it('signs nothing once the session has ended', async () => {
    if ((await getStore().users.get('viewer-x')) === null)
      await getStore().users.create({ name: 'viewer-x', role: 'viewer', passwordHash: 'not a password hash' });
    const session = await startSession(getStore(), { id: 'viewer-x', name: 'viewer-x', role: 'viewer', provider: 'local' });
    // http://app is not loopback, so the session cookie has its __Host- name there.
    const init = { headers: { cookie: `${cookieName(new Request('http://app/'), SESSION_COOKIE)}=${session.token}` } };
    expect((await serve(`http://app/api/files/${PATH}?presign=1`, init)).status).toBe(200);
    await endSession(getStore(), session.token);
    expect((await serve(`http://app/api/files/${PATH}?presign=1`, init)).status).toBe(401);
  });

  it('caps the lifetime at an hour', () => {
    expect(presignSeconds({ CLUSTERSCOPE_PRESIGN_SECONDS: '604800' })).toBe(MAX_PRESIGN_SECONDS);
    expect(MAX_PRESIGN_SECONDS).toBeLessThanOrEqual(3600);
    expect(presignSeconds({ CLUSTERSCOPE_PRESIGN_SECONDS: '600' })).toBe(600);
    expect(presignSeconds({})).toBe(900);
  });

  it('proxies ranges, and answers 416 past the end', async () => {
    const end = BODY.length - 1;
    const partial = await serve(`http://app/api/files/${PATH}`, { headers: { Range: `bytes=${end - 3}-${end}` } });
    expect(partial.status).toBe(206);
    expect(partial.headers.get('content-range')).toBe(`bytes ${end - 3}-${end}/${BODY.length}`);
    expect(await partial.text()).toBe('PAR1');
    const whole = await serve(`http://app/api/files/${PATH}`);
    expect(whole.status).toBe(200);
    expect((await whole.arrayBuffer()).byteLength).toBe(BODY.length);
    expect((await serve(`http://app/api/files/${PATH}`, { headers: { Range: `bytes=${BODY.length}-` } })).status).toBe(416);
  });

  it('says when a listed object is gone and asks the catalog to list again', async () => {
    const key = 'p/t/clusterid=a/startdate=2026-01-02/part-1.parquet';
    await client.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: key }));
    const response = await serve('http://app/api/files/t/clusterid=a/startdate=2026-01-02/part-1.parquet', { headers: { Range: 'bytes=0-3' } });
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: string }).error).toContain('is gone from S3');
    expect(gone).toBe(1);
  });

  it('re-signs an expired presigned URL transparently', async () => {
    let signed = 0;
    const urls = new PresignedUrls(() => {
      signed += 1;
      return { url: `signed-${signed}`, expiresInMs: 1_000 };
    });
    // A real expiry: S3 refuses a one-second URL after two seconds.
    const answer: unknown = await (await serve(`http://app/api/files/${PATH}?presign=1`, {}, 1)).json();
    if (!isPresignAnswer(answer)) throw new Error(`no presigned URL: ${JSON.stringify(answer)}`);
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    const expired = await fetch(answer.url, { headers: { Range: 'bytes=0-3' } });
    expect(expired.status).toBe(403);
    expect(urls.target('f')).toBe('signed-1');
    expect(urls.retryAfter('f', expired.status)).toBe(true);
    expect(urls.target('f')).toBe('signed-2');
    // Gone from S3: that file is read through the file route once, which explains and has the catalog listed again.
    expect(urls.retryAfter('g', 404)).toBe(true);
    expect(urls.target('g')).toBe('g');
    expect(urls.retryAfter('g', 404)).toBe(false);
    // Not reachable from the browser (no CORS): the rest of the session goes through the proxy.
    expect(urls.retryAfter('f', 0)).toBe(true);
    expect(urls.target('f')).toBe('f');
    expect(urls.directReads).toBe(false);
  });
});
