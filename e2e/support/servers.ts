/**
 * The servers the end-to-end tests run against: the bundled sample through the
 * real `npm start`, and the production build on each bad-input fixture.
 */
import path from 'node:path';
import { testS3Env } from '../../lib/s3/testing/env';

const root = path.resolve(__dirname, '..', '..');

/** Where the fixtures for bad input live (made by `e2e/fixtures/prepare.ts`). */
export const FIXTURE_ROOT = path.join(root, 'data', 'e2e');

/** The bundled sample that `npm start` generates. */
export const SAMPLE_ROOT = path.join(root, 'data', 'sample');

interface E2eServer {
  url: string;
  command: string;
  env: Record<string, string>;
}

function nextStart(port: number, source: string): E2eServer {
  return {
    url: `http://127.0.0.1:${port}`,
    command: `node_modules/.bin/next start -p ${port} -H 127.0.0.1`,
    env: { CLUSTERSCOPE_SOURCE: source },
  };
}

/** The bucket `scripts/s3/radosgw.sh start` seeds with the sample. */
export const S3_SAMPLE_BUCKET = 'clusterscope-sample';

// Several checkouts on one machine can run their suites at once when each sets its own base.
const PORT_BASE = Number(process.env.E2E_PORT_BASE ?? 3100);

export const E2E_SERVERS = {
  sample: {
    url: `http://127.0.0.1:${PORT_BASE + 1}`,
    command: 'npm start',
    // The tests' saved queries go to a store of their own, never the developer's.
    env: { PORT: String(PORT_BASE + 1), HOST: '127.0.0.1', CLUSTERSCOPE_DB: path.join(FIXTURE_ROOT, 'metadata.db') },
  },
  broken: nextStart(PORT_BASE + 2, path.join(FIXTURE_ROOT, 'broken')),
  empty: nextStart(PORT_BASE + 3, path.join(FIXTURE_ROOT, 'empty')),
  missing: nextStart(PORT_BASE + 4, path.join(FIXTURE_ROOT, 'does-not-exist')),
  // The sample in radosgw (scripts/s3/for-tests.sh seeds it), read with presigned URLs that
  // expire after 20 s, so a session outlives several of them.
  s3: {
    ...nextStart(PORT_BASE + 5, `s3://${S3_SAMPLE_BUCKET}/`),
    env: { CLUSTERSCOPE_SOURCE: `s3://${S3_SAMPLE_BUCKET}/`, CLUSTERSCOPE_PRESIGN_SECONDS: '20', ...testS3Env() },
  },
  // An S3 source that is down when the console opens.
  s3Down: {
    ...nextStart(PORT_BASE + 6, `s3://${S3_SAMPLE_BUCKET}/`),
    env: { CLUSTERSCOPE_SOURCE: `s3://${S3_SAMPLE_BUCKET}/`, ...testS3Env({ AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:9' }) },
  },
} satisfies Record<string, E2eServer>;
