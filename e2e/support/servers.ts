/**
 * The servers the end-to-end tests run against: the bundled sample through the
 * real `npm start`, and the production build on each bad-input fixture.
 */
import path from 'node:path';
import { testS3Env } from '../../lib/s3/testing/env';
import { OIDC_APP_ENV, OIDC_ISSUER } from './oidc';

const root = path.resolve(__dirname, '..', '..');

/** Where the fixtures for bad input live (made by `e2e/fixtures/prepare.ts`). */
export const FIXTURE_ROOT = path.join(root, 'data', 'e2e');

/** The bundled sample that `npm start` generates. */
export const SAMPLE_ROOT = path.join(root, 'data', 'sample');

interface E2eServer {
  url: string;
  command: string;
  env: Record<string, string>;
  /** Where the command runs; this checkout when absent. */
  cwd?: string;
}

/**
 * The metadata store every e2e server shares, never the developer's. Shared so that
 * one session (cookies are per host, not per port) signs the tests in on all servers.
 */
export const E2E_DB = path.join(FIXTURE_ROOT, 'metadata.db');

/** The local admin that `prepare.ts` creates with `npm run user` and the setup project signs in as. */
export const E2E_ADMIN = { name: 'e2e-admin', password: 'e2e-admin-password' } as const;

function nextStart(port: number, source: string): E2eServer {
  return {
    url: `http://127.0.0.1:${port}`,
    command: `node_modules/.bin/next start -p ${port} -H 127.0.0.1`,
    env: { CLUSTERSCOPE_SOURCE: source, CLUSTERSCOPE_DB: E2E_DB },
  };
}

/** The bucket `scripts/s3/radosgw.sh start` seeds with the sample. */
export const S3_SAMPLE_BUCKET = 'clusterscope-sample';

// Several checkouts on one machine can run their suites at once when each sets its own base.
const PORT_BASE = Number(process.env.E2E_PORT_BASE ?? 3100);

/**
 * A fresh copy of the checkout (scripts/e2e.sh makes it), where the sample server runs
 * `npm start` as a new user would: it builds there from nothing, so an asset that only
 * some other build path makes is missing in every spec. This checkout when unset.
 */
export const FIRST_RUN_DIR = process.env.E2E_FIRST_RUN_DIR ?? root;

export const E2E_SERVERS = {
  sample: {
    url: `http://127.0.0.1:${PORT_BASE + 1}`,
    command: 'npm start',
    cwd: FIRST_RUN_DIR,
    // Single sign-on against the test OpenID Provider (oidc.ts) is configured here only.
    env: { PORT: String(PORT_BASE + 1), HOST: '127.0.0.1', CLUSTERSCOPE_DB: E2E_DB, ...OIDC_APP_ENV },
  },
  broken: nextStart(PORT_BASE + 2, path.join(FIXTURE_ROOT, 'broken')),
  empty: nextStart(PORT_BASE + 3, path.join(FIXTURE_ROOT, 'empty')),
  missing: nextStart(PORT_BASE + 4, path.join(FIXTURE_ROOT, 'does-not-exist')),
  // The sample in radosgw (scripts/s3/for-tests.sh seeds it), read with presigned URLs that
  // expire after 20 s, so a session outlives several of them.
  s3: {
    ...nextStart(PORT_BASE + 5, `s3://${S3_SAMPLE_BUCKET}/`),
    env: { CLUSTERSCOPE_SOURCE: `s3://${S3_SAMPLE_BUCKET}/`, CLUSTERSCOPE_DB: E2E_DB, CLUSTERSCOPE_PRESIGN_SECONDS: '20', ...testS3Env() },
  },
  // An S3 source that is down when the console opens.
  s3Down: {
    ...nextStart(PORT_BASE + 6, `s3://${S3_SAMPLE_BUCKET}/`),
    env: { CLUSTERSCOPE_SOURCE: `s3://${S3_SAMPLE_BUCKET}/`, CLUSTERSCOPE_DB: E2E_DB, ...testS3Env({ AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:9' }) },
  },
} satisfies Record<string, E2eServer>;

/** The test OpenID Provider (a real `oidc-provider`), which knows the sample server as its client. */
export const OIDC_SERVER = {
  url: OIDC_ISSUER,
  command: `node_modules/.bin/tsx e2e/support/oidc-provider.ts ${E2E_SERVERS.sample.url}`,
  readyPath: '/.well-known/openid-configuration',
};
