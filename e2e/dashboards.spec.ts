import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './support/test';
import { bindTileSql } from '../lib/dashboards/filter-binding';
import { alertsByTable } from '../lib/library/queries/alerts-by-table';
import { ConsolePage } from './support/console-page';
import { csrfHeader } from './support/csrf';
import { DashboardPage } from './support/dashboard-page';
import { nativeRows } from './support/native';
import { E2E_ADMIN, SAMPLE_ROOT } from './support/servers';

interface StoredDashboard {
  id: string;
  name: string;
  version: number;
  tiles: { id: string; title: string }[];
}

const tile = (id: string, title: string, sql: string, chart: unknown, x = 0): unknown => ({
  id,
  title,
  layout: { x, y: 0, w: 4, h: 6 },
  source: { kind: 'sql', sql },
  chart,
});

async function createDashboard(request: APIRequestContext, body: unknown): Promise<StoredDashboard> {
  const response = await request.post('/api/dashboards', { data: body, headers: await csrfHeader(request) });
  expect(response.status()).toBe(201);
  return (await response.json()) as StoredDashboard;
}

function inList(values: readonly string[]): string {
  return values.map((value) => `'${value.replaceAll("'", "''")}'`).join(', ');
}

/** Keeps the named columns of CSV rows (header first), as text. */
function columns(rows: string[][], names: readonly string[]): string[][] {
  const [header = [], ...body] = rows;
  const indexes = names.map((name) => header.indexOf(name));
  expect(indexes, `columns ${names.join(', ')} in ${header.join(', ')}`).not.toContain(-1);
  return body.map((row) => indexes.map((index) => row[index] ?? ''));
}

test.describe('dashboards', () => {
  test('Fleet overview and Alerts & table health render fully from a cold start, with no error state', async ({ page }, testInfo) => {
    // Two dashboards, each from a cold engine: more than one test's usual budget on a busy 2-core runner.
    test.setTimeout(240_000);
    const dashboard = new DashboardPage(page);
    await test.step('Fleet overview, cold', async () => {
      const started = Date.now();
      await dashboard.open('fleet-overview');
      const wall = Date.now() - started;
      await expect(dashboard.progress).toContainText('All 7 tiles rendered in');
      await expect(dashboard.tileErrors()).toHaveCount(0);
      for (const title of ['Hourly query count per cluster', 'Queries by cluster', 'The 10 slowest statements']) {
        await expect(dashboard.tileStatus(title)).toContainText(/[1-9][\d,]* rows · as of/);
      }
      await page.screenshot({ path: 'test-results/fleet-overview.png', fullPage: true });
      const measured = await dashboard.progress.textContent();
      testInfo.annotations.push({ type: 'cold start', description: `${measured ?? ''} (wall ${wall} ms)` });
      console.log(`Fleet overview cold start: ${measured ?? ''}; test wall clock ${wall} ms`);
    });
    await test.step('Alerts & table health', async () => {
      await dashboard.open('alerts-table-health');
      await expect(dashboard.progress).toContainText('All 6 tiles rendered');
      await expect(dashboard.tileErrors()).toHaveCount(0);
      for (const title of [
        'Alerts by category',
        'Alerts by table and category',
        'Tables with missing statistics',
        'Ghost rows (tables to VACUUM)',
        'Very selective filters (sort key candidates)',
        'Nested-loop queries',
      ]) {
        await expect(dashboard.tileStatus(title)).toContainText(/[1-9][\d,]* rows · as of/);
      }
    });
  });

  test('a dashboard filter and a cross-filter change every affected tile, matching native DuckDB', async ({ page }) => {
    const dashboard = new DashboardPage(page);
    await dashboard.open('fleet-overview');
    const all = await nativeRows(SAMPLE_ROOT, 'SELECT DISTINCT clusterid FROM stl_query ORDER BY 1');
    const clusters = all.map((row) => row[0] ?? '');
    const kept = clusters.slice(0, 2);
    const { start, end } = await dashboard.days();
    const expectByCluster = async (selected: readonly string[]): Promise<void> => {
      const scope = `clusterid IN (${inList(selected)}) AND startdate BETWEEN DATE '${start}' AND DATE '${end}'`;
      expect(columns(await dashboard.tileCsv('Queries by cluster'), ['clusterid', 'queries'])).toEqual(
        await nativeRows(SAMPLE_ROOT, `SELECT clusterid, count(*) FROM stl_query WHERE ${scope} GROUP BY 1 ORDER BY 1`),
      );
      expect(columns(await dashboard.tileCsv('Queries per day per cluster'), ['day', 'clusterid', 'queries'])).toEqual(
        await nativeRows(SAMPLE_ROOT, `SELECT startdate::VARCHAR, clusterid, count(*) FROM stl_query WHERE ${scope} GROUP BY 1, 2 ORDER BY 1, 2`),
      );
    };

    await test.step('all clusters by default', async () => {
      await expectByCluster(clusters);
    });
    await test.step('the cluster filter narrows every tile', async () => {
      for (const cluster of clusters.slice(2)) {
        // The box follows the address, which Next updates in a transition: click, then wait for it.
        await dashboard.cluster(cluster).click();
        await expect(dashboard.cluster(cluster)).not.toBeChecked();
        await dashboard.waitForTiles();
      }
      await expect(dashboard.chips).toContainText(`Clusters: ${kept.join(', ')}`);
      await expect(page).toHaveURL(new RegExp(`clusters=${encodeURIComponent(kept.join(',')).replaceAll('%2C', '(%2C|,)')}`));
      await expectByCluster(kept);
    });
    await test.step('clicking a cluster bar filters the whole dashboard to it', async () => {
      // SVG bars have no role of their own; the first bar is the first cluster.
      await dashboard.tile('Queries by cluster').locator('.recharts-bar-rectangle').first().click();
      await expect(dashboard.chips).toContainText(`Clusters: ${kept[0]}`);
      await dashboard.waitForTiles();
      await expectByCluster(kept.slice(0, 1));
    });
    await test.step('removing the chip restores every cluster', async () => {
      await dashboard.chips.getByRole('button', { name: /Remove filter Clusters/ }).click();
      await dashboard.waitForTiles();
      await expectByCluster(clusters);
    });
  });

  test('a pie slice cross-filters the tiles that have its column, and only those', async ({ page }) => {
    const dashboard = new DashboardPage(page);
    await dashboard.open('alerts-table-health');
    const { start, end } = await dashboard.days();
    const categories = columns(await dashboard.tileCsv('Alerts by category'), ['category']).map((row) => row[0] ?? '');
    // Slices are drawn in result order; the first is the biggest category.
    // A donut sector's box centre can fall in the hole, so the click goes to the sector itself.
    await dashboard.tile('Alerts by category').locator('.recharts-pie-sector').first().dispatchEvent('click');
    const category = categories[0] ?? '';
    await expect(dashboard.chips).toContainText(`category = ${category}`);
    await dashboard.waitForTiles();
    await expect(dashboard.tileStatus('Alerts by table and category')).toContainText('cross-filtered by category');
    await expect(dashboard.tileStatus('Ghost rows (tables to VACUUM)')).not.toContainText('cross-filtered');
    const clusters = (await nativeRows(SAMPLE_ROOT, 'SELECT DISTINCT clusterid FROM stl_query ORDER BY 1')).map((row) => row[0] ?? '');
    const bound = bindTileSql(alertsByTable.sql, { defaultDays: 7, parameters: [] }, { clusters, days: { start, end }, params: {} });
    if ('error' in bound) throw new Error(bound.error);
    const expected = await nativeRows(
      SAMPLE_ROOT,
      `SELECT clusterid, table_name, category, queries, alert_rows FROM (${bound.sql}\n) WHERE category = '${category.replaceAll("'", "''")}'`,
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(columns(await dashboard.tileCsv('Alerts by table and category'), ['clusterid', 'table_name', 'category', 'queries', 'alert_rows'])).toEqual(
      expected,
    );
  });

  test('a failing tile is isolated from the rest', async ({ page, request }) => {
    const created = await createDashboard(request, {
      name: `Isolation ${Date.now()}`,
      tiles: [
        tile('good', 'Good tile', 'SELECT clusterid, count(*) AS queries FROM stl_query WHERE clusterid IN {{clusters}} GROUP BY 1 ORDER BY 1', {
          type: 'bar',
          x: 'clusterid',
          measures: ['queries'],
        }),
        tile('bad-sql', 'Broken SQL', 'SELECT * FROM no_such_table', null, 4),
        tile('bad-chart', 'Missing column', 'SELECT 1 AS n', { type: 'bar', x: 'clusterid', measures: ['queries'] }, 8),
      ],
    });
    const dashboard = new DashboardPage(page);
    await dashboard.open(created.id);
    await expect(dashboard.tile('Broken SQL').getByRole('alert')).toContainText(/This tile failed: .*no_such_table/);
    await expect(dashboard.tile('Missing column').getByText(/^Cannot draw this chart/)).toBeVisible();
    await expect(dashboard.tile('Good tile').getByRole('alert')).toHaveCount(0);
    await expect(dashboard.tileStatus('Good tile')).toContainText(/5 rows · as of/);
  });

  test('a stale save gets a conflict and loses nothing', async ({ page, request }) => {
    const created = await createDashboard(request, {
      name: `Conflict ${Date.now()}`,
      tiles: [tile('one', 'One', 'SELECT 1 AS n', { type: 'kpi', measures: ['n'] }), tile('two', 'Two', 'SELECT 2 AS n', { type: 'kpi', measures: ['n'] }, 4)],
    });
    const dashboard = new DashboardPage(page);
    await dashboard.open(created.id);
    await test.step('someone else renames it while the page edits it', async () => {
      await dashboard.menu('Two', 'Remove tile');
      await expect(dashboard.tile('Two')).toHaveCount(0);
      const theirs = await request.put(`/api/dashboards/${created.id}`, {
        data: { ...created, name: `${created.name} (theirs)` },
        headers: await csrfHeader(request),
      });
      expect(theirs.status()).toBe(200);
    });
    await test.step('saving is refused with a conflict, and the edit is still on screen', async () => {
      await page.getByRole('button', { name: 'Save layout' }).click();
      await expect(page.getByRole('alert').filter({ hasText: 'Not saved: someone else changed this dashboard.' })).toContainText(
        'You edited version 1; it is now at version 2',
      );
      await expect(dashboard.tile('Two')).toHaveCount(0);
    });
    await test.step('saving on top of theirs keeps their rename and my tiles', async () => {
      await page.getByRole('button', { name: 'Save my tiles on top of theirs' }).click();
      await expect(page.getByRole('button', { name: 'Saved' })).toBeVisible();
      const stored = (await (await request.get(`/api/dashboards/${created.id}`)).json()) as StoredDashboard;
      expect(stored).toMatchObject({ name: `${created.name} (theirs)`, version: 3 });
      expect(stored.tiles.map((item) => item.title)).toEqual(['One']);
    });
  });

  test('export and import round trip, and bad files are refused with a message', async ({ page, request }, testInfo) => {
    const created = await createDashboard(request, {
      name: `Round trip ${Date.now()}`,
      description: 'exported and imported',
      filters: { defaultDays: 3, parameters: [{ name: 'limit', type: 'number', default: 5 }] },
      tiles: [tile('top', 'Top', 'SELECT clusterid FROM stl_query WHERE clusterid IN {{clusters}} LIMIT {{limit}}', { type: 'table' })],
    });
    const dashboard = new DashboardPage(page);
    await dashboard.open(created.id);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export JSON' }).click();
    const file = await (await download).path();

    await page.goto('/dashboards');
    const importer = page.getByLabel('Import dashboard JSON');
    await test.step('bad files', async () => {
      await importer.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format":') });
      await expect(page.getByRole('alert').filter({ hasText: 'Not imported' })).toContainText('Not imported: The file is not valid JSON');
      await importer.setInputFiles({
        name: 'future.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify({ format: 'clusterscope-dashboard', schemaVersion: 2, dashboard: {} })),
      });
      await expect(page.getByRole('alert').filter({ hasText: 'Not imported' })).toContainText('schema version 2; this ClusterScope reads version 1');
      await importer.setInputFiles({ name: 'huge.json', mimeType: 'application/json', buffer: Buffer.alloc(1024 * 1024 + 1, 32) });
      await expect(page.getByRole('alert').filter({ hasText: 'Not imported' })).toContainText('dashboard files are at most 1 MB');
    });
    await test.step('the exported file imports as an equal dashboard', async () => {
      await importer.setInputFiles(file);
      await expect(page.getByRole('status')).toContainText(`Imported "${created.name}" with 1 tiles.`);
      const list = (await (await request.get(`/api/dashboards?q=${encodeURIComponent(created.name)}`)).json()) as {
        items: (StoredDashboard & Record<string, unknown>)[];
      };
      expect(list.items).toHaveLength(2);
      const [copy, original] = [...list.items].sort((a) => (a.id === created.id ? 1 : -1));
      for (const key of ['name', 'description', 'filters', 'tiles']) expect(copy?.[key], key).toEqual(original?.[key]);
    });
    testInfo.annotations.push({ type: 'export', description: file });
  });

  test('the list searches, renames, duplicates and deletes with confirmation', async ({ page, request }) => {
    const name = `Listed ${Date.now()}`;
    await createDashboard(request, { name });
    await page.goto('/dashboards');
    await page.getByLabel('Search dashboards').fill(name);
    const table = page.getByRole('table', { name: 'Dashboards' });
    await expect(table.getByRole('link', { name })).toBeVisible();
    await expect(table.getByRole('link', { name: 'Fleet overview' })).toHaveCount(0);
    await page.getByRole('button', { name: `Rename ${name}` }).click();
    await page.getByLabel(`New name for ${name}`).fill(`${name} renamed`);
    await page.getByRole('button', { name: 'Save name' }).click();
    await expect(table.getByRole('link', { name: `${name} renamed` })).toBeVisible();
    await page.getByRole('button', { name: `Duplicate ${name} renamed` }).click();
    await expect(table.getByRole('link', { name: `${name} renamed (copy)` })).toBeVisible();
    await page.getByRole('button', { name: `Delete ${name} renamed (copy)` }).click();
    const dialog = page.getByRole('dialog', { name: `Delete "${name} renamed (copy)"?` });
    await dialog.getByRole('button', { name: 'Keep it' }).click();
    await expect(table.getByRole('link', { name: `${name} renamed (copy)` })).toBeVisible();
    await page.getByRole('button', { name: `Delete ${name} renamed (copy)` }).click();
    await dialog.getByRole('button', { name: 'Delete dashboard' }).click();
    await expect(table.getByRole('link', { name: `${name} renamed (copy)` })).toHaveCount(0);
    await expect(table.getByRole('link', { name: `${name} renamed` })).toBeVisible();
  });

  test('a shipped dashboard is read-only, even for an admin, and Duplicate makes an editable copy', async ({ page }) => {
    const dashboard = new DashboardPage(page);
    await test.step('the list offers Duplicate only, and names the owner', async () => {
      await page.goto('/dashboards');
      const row = page
        .getByRole('table', { name: 'Dashboards' })
        .getByRole('row')
        .filter({ has: page.getByRole('link', { name: 'Alerts & table health' }) });
      await expect(row).toContainText('ClusterScope (read-only)');
      await expect(row.getByRole('button', { name: 'Duplicate Alerts & table health' })).toBeVisible();
      await expect(row.getByRole('button', { name: 'Rename Alerts & table health' })).toHaveCount(0);
      await expect(row.getByRole('button', { name: 'Delete Alerts & table health' })).toHaveCount(0);
    });
    await test.step('the shipped dashboard has no save and no tile removal', async () => {
      await dashboard.open('alerts-table-health');
      await expect(page.getByText('Owner: ClusterScope (read-only)')).toBeVisible();
      await expect(page.getByRole('button', { name: /^(Save layout|Saved)$/ })).toHaveCount(0);
      await page.getByRole('button', { name: 'Tile menu: Alerts by category' }).click();
      const menu = page.getByRole('menu', { name: 'Actions for Alerts by category' });
      await expect(menu.getByRole('menuitem', { name: 'View SQL' })).toBeVisible();
      await expect(menu.getByRole('menuitem', { name: 'Remove tile' })).toHaveCount(0);
      await page.keyboard.press('Escape');
    });
    await test.step('Duplicate opens an editable copy owned by the user', async () => {
      await page.getByRole('button', { name: 'Duplicate', exact: true }).click();
      await expect(page).toHaveURL(/\/dashboards\/(?!alerts-table-health)[^/?]+$/);
      await expect(page.getByRole('heading', { name: 'Alerts & table health (copy)' })).toBeVisible();
      await expect(page.getByText(`Owner: ${E2E_ADMIN.name}`)).toBeVisible();
      await dashboard.waitForTiles();
      await expect(page.getByRole('button', { name: 'Saved' })).toBeVisible();
      await dashboard.menu('Nested-loop queries', 'Remove tile');
      await expect(dashboard.tile('Nested-loop queries')).toHaveCount(0);
      await page.getByRole('button', { name: 'Save layout' }).click();
      await expect(page.getByRole('button', { name: 'Saved' })).toBeVisible();
    });
  });

  test('a chart built from a console result becomes a tile of a new dashboard, and survives a reload', async ({ page }) => {
    const console = new ConsolePage(page);
    const name = `From console ${Date.now()}`;
    await console.open('/');
    await console.run('SELECT clusterid, count(*) AS queries FROM stl_query GROUP BY clusterid ORDER BY clusterid');
    await page.getByRole('button', { name: 'Add to dashboard' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add to dashboard' });
    await dialog.getByLabel('Chart type').selectOption({ label: 'Bar' });
    await dialog.getByLabel('Tile title').fill('Queries per cluster (console)');
    await dialog.getByLabel('New dashboard name').fill(name);
    await dialog.getByRole('button', { name: 'Add tile' }).click();
    await dialog.getByRole('link', { name: `Open ${name}` }).click();
    const dashboard = new DashboardPage(page);
    await dashboard.waitForTiles();
    await expect(dashboard.tile('Queries per cluster (console)').getByRole('img', { name: 'Bar chart' })).toBeVisible();
    await page.reload();
    await dashboard.waitForTiles();
    await expect(dashboard.tileStatus('Queries per cluster (console)')).toContainText(/5 rows · as of/);
    await expect(dashboard.tile('Queries per cluster (console)').getByRole('img', { name: 'Bar chart' })).toBeVisible();
  });
});
