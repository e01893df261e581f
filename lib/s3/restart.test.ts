/**
 * S3 restarted in the middle of a session, on a radosgw of its own (so the
 * other S3 tests keep theirs): while the gateway is down the catalog keeps what
 * it listed and says the source is down; once it is back, the next refresh and
 * reads work again.
 */
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePartFile, sampleDay } from '../sample/testing';
import { createS3Catalog } from './catalog';
import { serveS3File } from './serve-object';
import { ensureBucket } from './testing/bucket';
import { radosgw, testS3Client, testS3Port } from './testing/env';

const PORT = testS3Port() + 5;
const env = { AWS_ENDPOINT_URL_S3: `http://127.0.0.1:${PORT}` };
const client = testS3Client(env);
const BODY = readFileSync(samplePartFile('stl_query', 'staging-usw2', sampleDay(0)));
const FILE = 't/clusterid=a/startdate=2026-01-01/part-0.parquet';

beforeAll(async () => {
  radosgw('start-empty', PORT);
  await ensureBucket(client, 'restart-test');
  await client.send(new PutObjectCommand({ Bucket: 'restart-test', Key: FILE, Body: BODY }));
}, 180_000);

afterAll(() => radosgw('stop', PORT));

describe('S3 restarted mid-session', () => {
  it('keeps the catalog while the gateway is down, and works again once it is back', async () => {
    let clock = 0;
    const catalog = createS3Catalog({
      client,
      location: { bucket: 'restart-test', prefix: '' },
      name: 'local',
      now: () => new Date(clock),
      readFooters: false,
    });
    const read = async (): Promise<Response> =>
      serveS3File(new Request(`http://app/api/files/${FILE}`, { headers: { Range: 'bytes=0-3' } }), FILE.split('/'), {
        client,
        bucket: 'restart-test',
        manifest: () => catalog.get({ allowStale: true }),
        keyOf: catalog.keyOf,
        objectGone: () => undefined,
        expiresInSeconds: 60,
        stillSignedIn: async () => true,
      });
    const before = await catalog.get();
    expect(before.tables).toHaveLength(1);
    expect((await read()).status).toBe(206);

    radosgw('stop-gateway', PORT);
    try {
      const down = await catalog.get({ refresh: true });
      expect(down.tables).toEqual(before.tables);
      expect(down.sourceError).toMatch(/S3 source local .* is down/);
      expect((await read()).status).toBe(502);
    } finally {
      radosgw('start-gateway', PORT);
    }

    clock += 11_000;
    const back = await catalog.get();
    expect(back.sourceError).toBeUndefined();
    expect(back.tables).toEqual(before.tables);
    const again = await read();
    expect(again.status).toBe(206);
    expect(await again.text()).toBe('PAR1');
  });
});
