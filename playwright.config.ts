import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from './e2e/support/chromium';
import { E2E_SERVERS, OIDC_SERVER } from './e2e/support/servers';
import { ADMIN_STATE } from './e2e/support/storage-state';

/**
 * End-to-end tests in Debian's Chromium (never a downloaded browser). The
 * production build is served once per data source the tests need; run
 * through `scripts/e2e.sh`, which builds the app and prepares the fixtures first.
 */
export default defineConfig({
  testDir: './e2e',
  timeout: 90_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    ...devices['Desktop Chrome'],
    baseURL: E2E_SERVERS.sample.url,
    trace: 'off',
    launchOptions: {
      executablePath: CHROMIUM_EXECUTABLE,
      args: [...CHROMIUM_ARGS],
    },
  },
  // The setup project signs in once; every spec then starts signed in as the e2e admin
  // (one session for all servers: they share the metadata store, and cookies ignore ports).
  projects: [
    { name: 'setup', testMatch: /\.setup\.ts$/ },
    { name: 'e2e', dependencies: ['setup'], use: { storageState: ADMIN_STATE } },
  ],
  webServer: [
    ...Object.values(E2E_SERVERS).map((server) => ({
      command: server.command,
      cwd: 'cwd' in server ? server.cwd : undefined,
      // Public, so the server counts as ready before anyone signs in.
      url: `${server.url}/signin`,
      // The sample server builds a fresh copy first (npm start on a new clone).
      timeout: 600_000,
      reuseExistingServer: false,
      // The sample server's `npm start` builds first: its output says why when that fails.
      stdout: server === E2E_SERVERS.sample ? ('pipe' as const) : ('ignore' as const),
      stderr: 'pipe' as const,
      env: { ...server.env, NEXT_TELEMETRY_DISABLED: '1' },
    })),
    {
      command: OIDC_SERVER.command,
      url: `${OIDC_SERVER.url}${OIDC_SERVER.readyPath}`,
      timeout: 60_000,
      reuseExistingServer: false,
      stdout: 'ignore' as const,
      stderr: 'ignore' as const,
    },
  ],
});
