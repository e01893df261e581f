/**
 * The servers the end-to-end tests run against: the bundled sample through the
 * real `npm start`, and the production build on each bad-input fixture.
 */
import path from 'node:path';

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
} satisfies Record<string, E2eServer>;
