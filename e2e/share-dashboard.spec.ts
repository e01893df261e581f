/**
 * A dashboard's address bar is its share link: clusters, days and cross-filters
 * set in one browser reproduce the same filtered numbers in a fresh context,
 * and those numbers are what native DuckDB computes for the bound SQL.
 */
import { expect, test } from './support/test';
import { DashboardPage } from './support/dashboard-page';
import { nativeRows } from './support/native';
import { SAMPLE_ROOT } from './support/servers';

const SLOWEST = 'The 10 slowest statements';
const DAILY = 'Queries per day per cluster';

/** The rows of a table tile as shown. */
async function tableRows(dashboard: DashboardPage, title: string): Promise<string[][]> {
  const table = dashboard.tile(title).getByRole('table');
  await expect(table).toBeVisible({ timeout: 120_000 });
  return table
    .getByRole('row')
    .filter({ has: dashboard.page.getByRole('cell') })
    .evaluateAll((rows) => rows.map((row) => Array.from(row.querySelectorAll('td'), (cell) => cell.textContent ?? '')));
}

/** The SQL a tile ran, with the filters bound, from its menu. */
async function boundSql(dashboard: DashboardPage, title: string): Promise<string> {
  await dashboard.menu(title, 'View SQL');
  const dialog = dashboard.page.getByRole('dialog', { name: `SQL of ${title}` });
  const sql = (await dialog.getByLabel('Bound SQL').textContent()) ?? '';
  await dashboard.page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  return sql;
}

test('a dashboard URL with clusters, days and a cross-filter reproduces the same filtered numbers in a fresh context', async ({ page, browser, baseURL }) => {
  test.setTimeout(300_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const mine = new DashboardPage(page);
  const clusters = (await nativeRows(SAMPLE_ROOT, 'SELECT DISTINCT clusterid FROM stl_query ORDER BY 1')).map((row) => row[0]!);
  const [[lastDay]] = (await nativeRows(SAMPLE_ROOT, 'SELECT max(startdate)::VARCHAR FROM stl_query')) as [[string]];
  const day = (offset: number): string => new Date(Date.parse(`${lastDay}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
  let url = '';
  let rows: string[][] = [];
  let chips: string[] = [];

  await test.step('set clusters and days with the filter bar, and cross-filter by clicking a day', async () => {
    await mine.open('fleet-overview');
    for (const cluster of clusters.slice(2)) {
      // The box follows the address bar, which updates after the click: wait for it before the next one.
      await mine.cluster(cluster).click();
      await expect(mine.cluster(cluster)).not.toBeChecked();
      // One change at a time, as a user would: a change while tiles run cancels them (see the report).
      await mine.waitForTiles();
    }
    await mine.filters.getByLabel('From', { exact: true }).fill(day(-3));
    await expect(page).toHaveURL(new RegExp(`from=${day(-3)}`));
    await mine.waitForTiles();
    await mine.filters.getByLabel('To', { exact: true }).fill(day(-1));
    await expect(page).toHaveURL(new RegExp(`from=${day(-3)}&to=${day(-1)}`));
    await mine.waitForTiles();
    // Bars have no role of their own; recharts' class names are the only handle on one.
    await mine.tile(DAILY).locator('.recharts-bar-rectangle').first().click();
    await expect(mine.chips).toContainText('day = ');
    url = page.url();
    expect(new URL(url).searchParams.get('clusters')).toBe(clusters.slice(0, 2).join(','));
    expect([...new URL(url).searchParams.keys()]).toContain('x.day');
    await mine.waitForTiles();
    rows = await tableRows(mine, SLOWEST);
    chips = await mine.chips.getByRole('listitem').allTextContents();
  });

  await test.step('the numbers are what native DuckDB computes for the bound SQL', async () => {
    const sql = await boundSql(mine, SLOWEST);
    expect(sql).toContain(`'${clusters[0]}'`);
    expect(sql).toContain(day(-3));
    const native = await nativeRows(SAMPLE_ROOT, sql);
    expect(rows.map((row) => row[1]?.replaceAll(',', ''))).toEqual(native.map((row) => row[1]));
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((row) => row[0]))).toEqual(new Set(native.map((row) => row[0])));
  });

  await test.step('a fresh context opening the copied address shows exactly that view', async () => {
    const context = await browser.newContext({ baseURL });
    try {
      const other = await context.newPage();
      other.on('pageerror', (error) => errors.push(error.message));
      const theirs = new DashboardPage(other);
      await other.goto(url);
      await theirs.waitForTiles();
      expect(await tableRows(theirs, SLOWEST)).toEqual(rows);
      expect(await theirs.chips.getByRole('listitem').allTextContents()).toEqual(chips);
      await expect(theirs.filters.getByLabel('From', { exact: true })).toHaveValue(day(-3));
      await expect(theirs.cluster(clusters[2]!)).not.toBeChecked();
      await expect(theirs.tileStatus(DAILY)).toContainText('cross-filtered by day');
    } finally {
      await context.close();
    }
  });
  expect(errors).toEqual([]);
});
