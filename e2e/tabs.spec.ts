/**
 * Results belong to their tab: each query tab keeps its own result, a run in a
 * background tab goes on and says so, and "Add to dashboard" takes the active
 * tab's SQL with that same tab's rows.
 */
import type { Page } from '@playwright/test';
import { ConsolePage } from './support/console-page';
import { DashboardPage } from './support/dashboard-page';
import { expect, test } from './support/test';

const SLOW_SQL = 'SELECT count(*) AS slow FROM range(10000000000) a(i) WHERE i % 7 = 3';

async function addToNewDashboard(page: Page, dashboard: string, tile: string, expectedX: string[]): Promise<void> {
  await page.getByRole('button', { name: 'Add to dashboard' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add to dashboard' });
  // The chart builder offers the columns of this tab's result, not another tab's.
  await expect(dialog.getByRole('combobox', { name: 'X', exact: true }).locator('option')).toHaveText(['None', ...expectedX]);
  await dialog.getByLabel('Tile title').fill(tile);
  await dialog.getByLabel('New dashboard name').fill(dashboard);
  await dialog.getByRole('button', { name: 'Add tile' }).click();
  await expect(dialog.getByRole('link', { name: `Open ${dashboard}` })).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
}

test('each tab shows its own result; Add to dashboard takes the active tab’s query and rows', async ({ page }) => {
  test.setTimeout(180_000);
  const console = new ConsolePage(page);
  const stamp = Date.now();
  await console.open();

  await test.step('tab A and tab B run different queries', async () => {
    await page.getByRole('button', { name: 'New tab' }).click();
    await console.run('SELECT clusterid, count(*) AS queries FROM stl_query GROUP BY clusterid ORDER BY clusterid');
    expect((await console.gridContent()).headers).toEqual(['clusterid', 'queries']);
    await page.getByRole('button', { name: 'New tab' }).click();
    await expect(console.grid).toBeHidden();
    await console.run("SELECT 'only' AS label, 42 AS answer");
    expect(await console.gridContent()).toEqual({ headers: ['label', 'answer'], rows: [['only', '42']] });
  });

  const tabs = page.getByRole('tablist', { name: 'Query tabs' }).getByRole('tab');
  const count = await tabs.count();
  const a = tabs.nth(count - 2);
  const b = tabs.nth(count - 1);

  await test.step('switching shows each tab’s own last result', async () => {
    await a.click();
    const first = await console.gridContent();
    expect(first.headers).toEqual(['clusterid', 'queries']);
    expect(first.rows).toHaveLength(5);
    await b.click();
    expect(await console.gridContent()).toEqual({ headers: ['label', 'answer'], rows: [['only', '42']] });
  });

  await test.step('Add to dashboard from each tab', async () => {
    await a.click();
    await addToNewDashboard(page, `Tab A ${stamp}`, 'Queries per cluster (tab A)', ['clusterid', 'queries']);
    await b.click();
    await addToNewDashboard(page, `Tab B ${stamp}`, 'The answer (tab B)', ['label', 'answer']);
  });

  await test.step('a run in a background tab keeps running and says so on its tab', async () => {
    await a.click();
    await console.setSql(SLOW_SQL);
    await console.runButton.click();
    await expect(page.getByRole('status', { name: 'Query running' })).toBeVisible();
    await b.click();
    await expect(page.getByRole('img', { name: /: query running$/ })).toHaveCount(1);
    // B still shows its own result, and its Run is free to use.
    expect(await console.gridContent()).toEqual({ headers: ['label', 'answer'], rows: [['only', '42']] });
    await expect(page.getByRole('status', { name: 'Query running' })).toBeHidden();
    await a.click();
    await expect(page.getByRole('status', { name: 'Query running' })).toBeVisible();
    await console.cancelButton.click();
    await expect(console.error).toContainText(/cancel/i, { timeout: 15_000 });
    await expect(page.getByRole('img', { name: /: query running$/ })).toHaveCount(0);
    await b.click();
    expect(await console.gridContent()).toEqual({ headers: ['label', 'answer'], rows: [['only', '42']] });
  });

  await test.step('each new dashboard holds its own tab’s query', async () => {
    const dashboard = new DashboardPage(page);
    for (const [name, tile, rows] of [
      [`Tab A ${stamp}`, 'Queries per cluster (tab A)', '5 rows'],
      [`Tab B ${stamp}`, 'The answer (tab B)', '1 row'],
    ] as const) {
      await page.goto('/dashboards');
      await page.getByRole('link', { name, exact: true }).click();
      await dashboard.waitForTiles();
      await expect(dashboard.tileStatus(tile)).toContainText(rows);
    }
  });
});
