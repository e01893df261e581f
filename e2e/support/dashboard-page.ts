/** Page object for a dashboard and the dashboard list, from the user's side: roles and labels. */
import { expect, type Locator, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { parseCsv } from './csv';

export class DashboardPage {
  readonly page: Page;
  readonly progress: Locator;
  readonly filters: Locator;
  readonly chips: Locator;

  constructor(page: Page) {
    this.page = page;
    this.progress = page.getByRole('status', { name: 'Dashboard progress' });
    this.filters = page.getByRole('form', { name: 'Dashboard filters' });
    this.chips = page.getByRole('list', { name: 'Active filters' });
  }

  /** Opens a dashboard and waits until every tile has rendered (or failed). */
  async open(id: string, query = ''): Promise<void> {
    await this.page.goto(`/dashboards/${id}${query}`);
    await this.waitForTiles();
  }

  async waitForTiles(): Promise<void> {
    await expect(this.progress).toContainText(/All \d+ tiles rendered/, { timeout: 180_000 });
  }

  tile(title: string): Locator {
    return this.page.getByRole('region', { name: title, exact: true });
  }

  tileStatus(title: string): Locator {
    return this.tile(title).getByLabel(`Status of ${title}`);
  }

  /** Every tile's error message on the page. */
  tileErrors(): Locator {
    return this.page.getByRole('region').getByRole('alert');
  }

  async menu(title: string, item: string): Promise<void> {
    await this.page.getByRole('button', { name: `Tile menu: ${title}` }).click();
    await this.page
      .getByRole('menu', { name: `Actions for ${title}` })
      .getByRole('menuitem', { name: item })
      .click();
  }

  /** The tile's data through its "Download CSV" action. */
  async tileCsv(title: string): Promise<string[][]> {
    const download = this.page.waitForEvent('download');
    await this.menu(title, 'Download CSV');
    const file = await (await download).path();
    return parseCsv(await readFile(file, 'utf8'));
  }

  cluster(name: string): Locator {
    return this.filters.getByRole('group', { name: 'Clusters' }).getByRole('checkbox', { name });
  }

  async days(): Promise<{ start: string; end: string }> {
    return {
      start: await this.filters.getByLabel('From', { exact: true }).inputValue(),
      end: await this.filters.getByLabel('To', { exact: true }).inputValue(),
    };
  }
}
