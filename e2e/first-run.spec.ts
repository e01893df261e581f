/**
 * The README's first command on a fresh copy: `npm start` generates what is missing,
 * builds, and serves every feature. The sample server of the e2e run is exactly that
 * (scripts/e2e.sh makes the copy), so this fails when a feature's assets are built by
 * some other path only, as the FLE worker once was.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DUCKDB_ASSET_BASE, ENGINE_WORKER_FILE } from '../lib/engine/assets';
import { FLEET_OVERVIEW_ID } from '../lib/dashboards/shipped';
import { ConsolePage } from './support/console-page';
import { DashboardPage } from './support/dashboard-page';
import { DEMO_PEM, FlePage } from './support/fle-page';
import { FIRST_RUN_DIR } from './support/servers';
import { expect, test } from './support/test';

const ASSETS = [
  { url: '/fle/fle-worker.js', file: path.join('public', 'fle', 'fle-worker.js') },
  { url: `${DUCKDB_ASSET_BASE}/${ENGINE_WORKER_FILE}`, file: path.join('public', DUCKDB_ASSET_BASE, ENGINE_WORKER_FILE) },
];

test('npm start on a fresh copy serves the console, the engine, the FLE worker and a dashboard', async ({ page, request }) => {
  test.setTimeout(240_000);

  await test.step('the server is the fresh copy, built by npm start itself', async () => {
    expect(process.env.E2E_FIRST_RUN_DIR, 'scripts/e2e.sh runs the sample server in a fresh copy').toBeTruthy();
    expect(path.resolve(FIRST_RUN_DIR)).not.toBe(path.resolve(__dirname, '..'));
    expect(existsSync(path.join(FIRST_RUN_DIR, '.next', 'BUILD_ID'))).toBe(true);
  });

  await test.step('its self-hosted workers are served, byte for byte as that build made them', async () => {
    for (const asset of ASSETS) {
      const response = await request.get(asset.url);
      expect(response.status(), asset.url).toBe(200);
      expect(response.headers()['content-type']).toContain('javascript');
      expect((await response.body()).equals(readFileSync(path.join(FIRST_RUN_DIR, asset.file))), asset.url).toBe(true);
    }
  });

  const consolePage = new ConsolePage(page);
  await test.step('the console opens, the engine starts and a query answers', async () => {
    await consolePage.open();
    await consolePage.run('SELECT count(*) AS n FROM stl_query');
    const { rows } = await consolePage.gridContent();
    expect(Number(rows[0]?.[0]?.replaceAll(',', ''))).toBeGreaterThan(0);
  });

  await test.step('the demo key loads and a protected cell decrypts', async () => {
    const fle = new FlePage(page);
    await fle.openPanel();
    await fle.loadKeyFile(DEMO_PEM, 'demo-private-key.pem');
    await expect(fle.keyStatus).toContainText('Key loaded for ClusterScopeDemo / DemoPublicKey');
    await fle.closePanel();
    await consolePage.run('SELECT query, querytxt FROM stl_query ORDER BY clusterid, query LIMIT 1');
    await consolePage.grid.getByRole('button', { name: 'Reveal querytxt, row 1' }).click();
    await expect(consolePage.grid.getByRole('img', { name: 'Encrypted' })).toHaveCount(0);
    expect((await fle.columnTexts(consolePage.grid, 1))[0]?.trim()).toMatch(/\S/);
  });

  await test.step('a shipped dashboard renders every tile', async () => {
    const dashboard = new DashboardPage(page);
    await dashboard.open(FLEET_OVERVIEW_ID);
    await expect(dashboard.tileErrors()).toHaveCount(0);
  });
});
