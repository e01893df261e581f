/**
 * The results grid and export on a 1,000,000-row result, in real Chromium:
 * scrolling to the end, sorting, filtering, copying, and exporting the full
 * result as CSV and Parquet (read back with native DuckDB).
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { expect, test, type Locator, type Page } from './support/test';
import { readFile } from 'node:fs/promises';
import { ConsolePage } from './support/console-page';

const MILLION_SQL = 'SELECT i, i*2 AS twice FROM range(1000000) t(i)';

/** The grid as the user sees it: rows by their ARIA position, headers, filters and the copy status. */
class ResultsGridPage {
  readonly page: Page;
  readonly grid: Locator;
  readonly rowCount: Locator;
  readonly copyStatus: Locator;
  readonly exportStatus: Locator;

  constructor(page: Page) {
    this.page = page;
    this.grid = page.getByRole('grid', { name: 'Results' });
    this.rowCount = page.getByRole('status', { name: 'Grid rows' });
    this.copyStatus = page.getByRole('status', { name: 'Copy status' });
    this.exportStatus = page.getByRole('status', { name: 'Export status' });
  }

  /** A body row by its 1-based position in the result shown (the header is row 1 for ARIA). */
  row(position: number): Locator {
    return this.grid.locator(`[role="row"][aria-rowindex="${position + 1}"]`);
  }

  async rowTexts(position: number): Promise<string[]> {
    return this.row(position).getByRole('gridcell').allTextContents();
  }

  header(column: string): Locator {
    return this.grid.getByRole('columnheader').filter({ has: this.page.getByRole('button', { name: new RegExp(`^${column} `) }) });
  }

  sortButton(column: string): Locator {
    return this.header(column).getByRole('button');
  }

  filter(column: string): Locator {
    return this.grid.getByRole('searchbox', { name: `Filter ${column}` });
  }

  async scrollToEnd(): Promise<void> {
    await this.grid.evaluate((element) => {
      element.scrollTop = element.scrollHeight;
    });
  }
}

/** Line count and a few lines of a text file, the last line break not starting a line. */
async function csvLines(path: string): Promise<{ lines: number; first: string; second: string; last: string }> {
  const text = await readFile(path, 'utf8');
  const lines = (text.endsWith('\n') ? text.slice(0, -1) : text).split('\n');
  return { lines: lines.length, first: lines[0] ?? '', second: lines[1] ?? '', last: lines.at(-1) ?? '' };
}

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('a 1,000,000-row result scrolls, sorts, filters, copies and exports in full', async ({ page }) => {
  test.setTimeout(300_000);
  const console = new ConsolePage(page);
  const results = new ResultsGridPage(page);
  const timings: Record<string, number> = {};

  await test.step('run the query and see 1,000,000 rows', async () => {
    await console.open();
    await console.setSql(MILLION_SQL);
    const started = Date.now();
    await console.runButton.click();
    await expect(console.stats).toContainText('1,000,000 rows', { timeout: 120_000 });
    await expect(results.row(1)).toBeVisible();
    timings.queryAndRenderMs = Date.now() - started;
    await expect(results.grid).toHaveAttribute('aria-rowcount', '1000001');
    await expect(results.rowCount).toHaveText('1,000,000 rows');
    expect(await results.rowTexts(1)).toEqual(['0', '0']);
    await expect(results.header('i')).toContainText('BIGINT');
  });

  await test.step('scroll to the end: the last row is on screen', async () => {
    const started = Date.now();
    await results.scrollToEnd();
    await expect(results.row(1_000_000)).toBeInViewport();
    timings.scrollToEndMs = Date.now() - started;
    expect(await results.rowTexts(1_000_000)).toEqual(['999999', '1999998']);
    // Only the rows on screen are in the DOM.
    expect(await results.grid.getByRole('row').count()).toBeLessThan(120);
  });

  await test.step('sort descending by clicking the header twice', async () => {
    await results.sortButton('i').click();
    await expect(results.header('i')).toHaveAttribute('aria-sort', 'ascending');
    await expect(results.row(1)).toBeInViewport();
    expect(await results.rowTexts(1)).toEqual(['0', '0']);
    const started = Date.now();
    await results.sortButton('i').click();
    await expect(results.header('i')).toHaveAttribute('aria-sort', 'descending');
    await expect(results.row(1).getByRole('gridcell').first()).toHaveText('999999');
    timings.sortDescendingMs = Date.now() - started;
    await expect(results.header('twice')).toHaveAttribute('aria-sort', 'none');
    expect(await results.rowTexts(2)).toEqual(['999998', '1999996']);
    await results.scrollToEnd();
    await expect(results.row(1_000_000)).toBeInViewport();
    expect(await results.rowTexts(1_000_000)).toEqual(['0', '0']);
  });

  await test.step('filter a column: N of M rows, still sorted', async () => {
    const matching: number[] = [];
    for (let i = 999_999; i >= 0; i -= 1) if (String(i * 2).includes('99998')) matching.push(i);
    const expected = matching.length;
    const started = Date.now();
    await results.filter('twice').fill('99998');
    await expect(results.rowCount).toHaveText(`${expected.toLocaleString('en-US')} of 1,000,000 rows`);
    timings.filterMs = Date.now() - started;
    await expect(results.grid).toHaveAttribute('aria-rowcount', String(expected + 1));
    for (const [index, i] of matching.slice(0, 3).entries()) {
      expect(await results.rowTexts(index + 1)).toEqual([String(i), String(i * 2)]);
    }
    expect(matching.slice(0, 2)).toEqual([999_999, 999_994]);
  });

  await test.step('copy a cell with the keyboard and a row from the context menu', async () => {
    await results.row(2).getByRole('gridcell').nth(1).click();
    await page.keyboard.press('ControlOrMeta+c');
    await expect(results.copyStatus).toContainText('Copied cell twice, row 2');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('1999988');

    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ControlOrMeta+c');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('999999');

    await results.row(2).getByRole('gridcell').first().click({ button: 'right' });
    await page.getByRole('menu', { name: 'Cell actions' }).getByRole('menuitem', { name: 'Copy row (TSV)' }).click();
    await expect(results.copyStatus).toContainText('Copied row 2 as TSV');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('999994\t1999988');
  });

  await test.step('export the full result as CSV, with progress', async () => {
    // Note whether a progress bar showed, and whether it was determinate.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { exportProgressSeen: string[] }).exportProgressSeen = seen;
      new MutationObserver(() => {
        const bar = document.querySelector('progress[aria-label="Export progress"]');
        if (bar) seen.push(bar.hasAttribute('value') ? `${bar.getAttribute('value')}/${bar.getAttribute('max')}` : 'indeterminate');
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    const started = Date.now();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByRole('button', { name: 'Export CSV' }).click()]);
    timings.exportCsvMs = Date.now() - started;
    expect(download.suggestedFilename()).toMatch(/^clusterscope-result-\d{8}-\d{6}\.csv$/);
    const file = await download.path();
    const { lines, first, second, last } = await csvLines(file);
    timings.exportCsvBytes = (await readFile(file)).byteLength;
    expect(lines).toBe(1_000_001);
    expect(first).toBe('i,twice');
    // The export is the query's own result, not the grid's sorted and filtered view.
    expect(second).toBe('0,0');
    expect(last).toBe('999999,1999998');
    await expect(results.exportStatus).toContainText('Exported 1,000,000 rows as CSV');
    const seen = await page.evaluate(() => (window as unknown as { exportProgressSeen: string[] }).exportProgressSeen);
    // A determinate bar: rows written out of the result's rows.
    expect(seen.some((entry) => /^\d+\/1000000$/.test(entry))).toBe(true);
    timings.csvProgressUpdates = seen.length;
  });

  await test.step('export the full result as Parquet and read it back natively', async () => {
    const started = Date.now();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByRole('button', { name: 'Export Parquet' }).click()]);
    timings.exportParquetMs = Date.now() - started;
    expect(download.suggestedFilename()).toMatch(/\.parquet$/);
    const file = await download.path();
    const bytes = await readFile(file);
    timings.exportParquetBytes = bytes.byteLength;
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('PAR1');
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      const reader = await connection.runAndReadAll(
        `SELECT count(*) AS n, max(twice) AS top, sum(i) AS total FROM read_parquet('${file.replaceAll("'", "''")}')`,
      );
      expect(reader.getRows().map((row) => row.map(String))).toEqual([['1000000', '1999998', '499999500000']]);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
    await expect(results.exportStatus).toContainText('Exported 1,000,000 rows as Parquet');
  });

  test.info().annotations.push({ type: 'timings', description: JSON.stringify(timings) });
  globalThis.console.log('results.spec timings', JSON.stringify(timings));
});

test('text sorts with NULLs last, and filters ignore case', async ({ page }) => {
  const console = new ConsolePage(page);
  const results = new ResultsGridPage(page);
  await console.open();
  await console.run("SELECT 'b' AS name UNION ALL SELECT 'a' UNION ALL SELECT NULL");
  await results.sortButton('name').click();
  expect(await results.rowTexts(1)).toEqual(['a']);
  expect(await results.rowTexts(3)).toEqual(['NULL']);
  await results.filter('name').fill('A');
  await expect(results.rowCount).toHaveText('1 of 3 rows');
  await results.filter('name').fill('zzz');
  await expect(results.rowCount).toHaveText('0 of 3 rows');
  await expect(results.grid).toContainText('No rows match the filters.');
});
