/** Page object for the console, written from the user's side: roles and labels only. */
import { expect, type Locator, type Page } from '@playwright/test';

export interface GridContent {
  headers: string[];
  rows: string[][];
}

export class ConsolePage {
  readonly page: Page;
  readonly editor: Locator;
  readonly runButton: Locator;
  readonly cancelButton: Locator;
  readonly grid: Locator;
  readonly stats: Locator;
  readonly error: Locator;

  constructor(page: Page) {
    this.page = page;
    this.editor = page.getByLabel('SQL editor');
    this.runButton = page.getByRole('button', { name: 'Run', exact: true });
    this.cancelButton = page.getByRole('button', { name: 'Cancel', exact: true });
    this.grid = page.getByRole('grid', { name: 'Results' });
    this.stats = page.getByRole('status', { name: 'Query statistics' });
    this.error = page.getByRole('region', { name: 'Query results' }).getByRole('alert');
  }

  /** Opens the console (optionally through a deep link) and waits for the engine. */
  async open(path = '/'): Promise<void> {
    await this.page.goto(path);
    await expect(this.page.getByRole('status', { name: 'Engine status' })).toContainText('Engine ready', { timeout: 120_000 });
  }

  async setSql(sql: string): Promise<void> {
    await this.editor.click();
    await this.page.keyboard.press('ControlOrMeta+a');
    await this.page.keyboard.press('Delete');
    await this.editor.fill(sql);
  }

  /** Runs SQL and waits for either a result or an error. */
  async run(sql: string): Promise<void> {
    await this.setSql(sql);
    await this.runButton.click();
    await this.waitForOutcome();
  }

  async waitForOutcome(): Promise<void> {
    await expect(this.stats.or(this.error)).toBeVisible({ timeout: 60_000 });
  }

  /** The header and the rendered rows of the results grid, as shown. */
  async gridContent(): Promise<GridContent> {
    await expect(this.grid).toBeVisible();
    const headers = await this.grid
      .getByRole('columnheader')
      .evaluateAll((cells) => cells.map((cell) => cell.querySelector('.column-name')?.textContent ?? cell.textContent ?? ''));
    const rows = await this.grid
      .getByRole('row')
      .filter({ has: this.page.getByRole('gridcell') })
      .evaluateAll((elements) =>
        elements
          .sort((a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')))
          .map((row) => Array.from(row.querySelectorAll('[role="gridcell"]')).map((cell) => cell.textContent ?? '')),
      );
    return { headers, rows };
  }
}
