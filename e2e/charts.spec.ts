/**
 * Charts from console results in real Chromium: build one with the labelled
 * builder, check its numbers against native DuckDB, keep it across a reload
 * and a save, draw every type, show a clear message for a missing column,
 * and cap a big result (aggregated by DuckDB) with a visible notice.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/test';
import { ConsolePage } from './support/console-page';
import { nativeRows } from './support/native';
import { SAMPLE_ROOT } from './support/servers';

const PER_CLUSTER_SQL = 'SELECT clusterid, count(*) AS queries FROM stl_query GROUP BY clusterid ORDER BY clusterid';
const PER_DAY_SQL = `SELECT CAST(starttime AS DATE) AS day, clusterid, hour(starttime) AS hour, count(*) AS queries
FROM stl_query GROUP BY ALL ORDER BY 1, 2`;

/** The chart view of the console, from the user's side. */
class ChartsPage {
  readonly page: Page;
  readonly settings: Locator;

  constructor(page: Page) {
    this.page = page;
    this.settings = page.getByRole('form', { name: 'Chart settings' });
  }

  async showChart(): Promise<void> {
    await this.page.getByRole('group', { name: 'Results view' }).getByRole('button', { name: 'Chart' }).click();
    await expect(this.settings).toBeVisible();
  }

  /** A labelled choice: a single select is a combobox, the measures a listbox. */
  control(label: string): Locator {
    return this.settings.getByRole('combobox', { name: label, exact: true }).or(this.settings.getByRole('listbox', { name: label, exact: true }));
  }

  async pick(label: string, value: string | string[]): Promise<void> {
    await this.control(label).selectOption(value);
  }

  async title(text: string): Promise<void> {
    await this.settings.getByRole('textbox', { name: 'Title', exact: true }).fill(text);
  }

  /** The chart as a whole (drawing, legend, notices) by its accessible name. */
  figure(name: string | RegExp): Locator {
    return this.page.getByRole('figure', { name });
  }

  /** The drawing itself (an svg with role img, or the KPI's number). */
  drawing(name: string | RegExp): Locator {
    return this.page.getByRole('img', { name });
  }
}

/** Fails the test on page errors: a CSP violation in a worker only shows as one. */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

test('a bar chart built from a result matches native DuckDB, survives a reload, and comes back with its saved query', async ({ page }) => {
  test.setTimeout(240_000);
  const errors = collectErrors(page);
  const console = new ConsolePage(page);
  const charts = new ChartsPage(page);
  const native = await nativeRows(SAMPLE_ROOT, PER_CLUSTER_SQL);
  const name = 'Queries per cluster (Bar chart)';

  await test.step('run a query and build a bar chart with the labelled controls', async () => {
    await console.open();
    await console.run(PER_CLUSTER_SQL);
    await charts.showChart();
    await charts.pick('Chart type', 'bar');
    await charts.pick('X', 'clusterid');
    await charts.pick('Measures', ['queries']);
    await charts.title('Queries per cluster');
    await expect(charts.drawing(name)).toBeVisible();
    await expect(charts.figure(name).getByText('queries', { exact: true })).toBeVisible();
  });

  await test.step("a bar's tooltip shows the count native DuckDB computes", async () => {
    const [cluster, count] = native[0] ?? [];
    // Bars have no role of their own; recharts' class names are the only handle on one.
    await charts.figure(name).locator('.recharts-bar-rectangle').first().hover();
    const tooltip = charts.figure(name).locator('.recharts-tooltip-wrapper');
    await expect(tooltip).toContainText(String(cluster));
    await expect(tooltip).toContainText(Number(count).toLocaleString('en-US'));
  });

  await test.step('after a reload the tab still shows the chart once the query runs', async () => {
    await page.reload();
    await expect(page.getByRole('status', { name: 'Engine status' })).toContainText('Engine ready', { timeout: 120_000 });
    await console.runButton.click();
    await expect(charts.drawing(name)).toBeVisible({ timeout: 60_000 });
    await expect(charts.control('Chart type')).toHaveValue('bar');
  });

  await test.step('a saved query stores its chart, and opening it restores the chart', async () => {
    const saved = `Chart query ${Date.now()}`;
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: /Save/ });
    await dialog.getByLabel('Name').fill(saved);
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Save changes' })).toBeVisible();
    await page.getByRole('button', { name: 'New tab' }).click();
    await console.setSql('SELECT 1 AS other');
    await page.getByRole('button', { name: 'Saved', exact: true }).click();
    await page.getByRole('list', { name: 'Saved query list' }).getByRole('button', { name: saved, exact: true }).click();
    await console.runButton.click();
    await expect(charts.drawing(name)).toBeVisible({ timeout: 60_000 });
    await expect(charts.control('Measures')).toHaveValues(['queries']);
  });

  expect(errors).toEqual([]);
});

test('every chart type draws a result, with one legend entry per cluster and a KPI equal to native DuckDB', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = collectErrors(page);
  const console = new ConsolePage(page);
  const charts = new ChartsPage(page);
  const clusters = (await nativeRows(SAMPLE_ROOT, 'SELECT DISTINCT clusterid FROM stl_query ORDER BY 1')).map((row) => String(row[0]));
  const [[total]] = (await nativeRows(SAMPLE_ROOT, 'SELECT count(*) FROM stl_query')) as [[string]];

  await console.open();
  await console.run(PER_DAY_SQL);
  await charts.showChart();

  await test.step('a line per cluster over days', async () => {
    await charts.pick('Chart type', 'line');
    await charts.pick('X', 'day');
    await charts.pick('Measures', ['queries']);
    await charts.pick('Series (colour by)', 'clusterid');
    await expect(charts.drawing('Line chart')).toBeVisible();
    for (const cluster of clusters) await expect(charts.figure('Line chart').getByText(cluster, { exact: true })).toBeVisible();
  });

  await test.step('area, stacked horizontal bars, donut, scatter, heatmap and table', async () => {
    await charts.pick('Chart type', 'area');
    await expect(charts.drawing('Area chart')).toBeVisible();
    await charts.pick('Chart type', 'bar');
    await charts.settings.getByRole('checkbox', { name: 'Stacked' }).check();
    await charts.settings.getByRole('checkbox', { name: 'Horizontal' }).check();
    await expect(charts.drawing('Bar chart')).toBeVisible();
    await charts.pick('Chart type', 'pie');
    await charts.pick('X', 'clusterid');
    await charts.settings.getByRole('checkbox', { name: 'Donut' }).check();
    await expect(charts.drawing('Donut chart')).toBeVisible();
    await charts.pick('Chart type', 'scatter');
    await charts.pick('X', 'hour');
    await expect(charts.drawing('Scatter chart')).toBeVisible();
    await charts.pick('Chart type', 'heatmap');
    await charts.pick('Y', 'clusterid');
    await expect(charts.drawing('Heatmap')).toBeVisible();
    await charts.pick('Chart type', 'table');
    await expect(page.getByRole('table', { name: 'Table chart' })).toBeVisible();
  });

  await test.step('a KPI of the total equals native DuckDB', async () => {
    await charts.pick('Chart type', 'kpi');
    await charts.pick('X', '');
    await charts.pick('Aggregation', 'sum');
    await expect(charts.drawing(/^KPI: /)).toHaveAccessibleName(`KPI: ${Number(total).toLocaleString('en-US')}`);
  });

  expect(errors).toEqual([]);
});

test('a chart naming a column the result lacks says so, and the console keeps working', async ({ page }) => {
  const console = new ConsolePage(page);
  const charts = new ChartsPage(page);
  await console.open();
  await console.run(PER_CLUSTER_SQL);
  await charts.showChart();
  await charts.pick('Chart type', 'bar');
  await charts.pick('X', 'clusterid');
  await expect(charts.drawing('Bar chart')).toBeVisible();
  await console.run('SELECT 1 AS one, 2 AS two');
  const message = page.getByRole('region', { name: 'Query results' }).getByRole('status').filter({ hasText: 'Cannot draw this chart' });
  await expect(message).toContainText(
    'Cannot draw this chart: The chart uses the column "clusterid", which this result does not have. Its columns are: one, two.',
  );
  await charts.pick('X', 'one');
  await charts.pick('Measures', ['two']);
  await expect(charts.drawing('Bar chart')).toBeVisible();
});

test('a big result is aggregated by DuckDB and the chart says it capped the points', async ({ page }) => {
  const console = new ConsolePage(page);
  const charts = new ChartsPage(page);
  await console.open();
  await console.run('SELECT i, i % 7 AS v FROM range(20000) t(i)');
  await charts.showChart();
  await charts.pick('Chart type', 'line');
  await charts.pick('X', 'i');
  await charts.pick('Measures', ['v']);
  await expect(charts.drawing('Line chart')).toBeVisible({ timeout: 60_000 });
  await expect(charts.figure('Line chart').getByRole('note')).toHaveText('Showing first 5,000 of 20,000 points');
  // Seven groups fit: no notice.
  await charts.pick('Aggregation', 'sum');
  await charts.pick('X', 'v');
  await charts.pick('Measures', ['i']);
  await expect(charts.figure('Line chart').getByRole('note')).toHaveCount(0);
});
