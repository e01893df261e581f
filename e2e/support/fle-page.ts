/** Page object for the FLE panel and the encrypted-column controls, by role and label. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';

// Read directly: lib/sample/keys.ts locates the file through import.meta, which Playwright's loader does not support.
/** The sample's publicly known demo private key (PKCS#8 PEM). */
export const DEMO_PEM = readFileSync(path.join(__dirname, '..', '..', 'lib', 'sample', 'demo-keys-sample-only', 'demo-private-key.pem'), 'utf8');

export class FlePage {
  readonly page: Page;
  readonly panel: Locator;
  readonly keyError: Locator;
  readonly keyStatus: Locator;

  constructor(page: Page) {
    this.page = page;
    this.panel = page.getByRole('region', { name: 'Field-level encryption' });
    this.keyError = page.getByRole('alert', { name: 'Key error' });
    this.keyStatus = page.getByRole('status', { name: 'Key status' });
  }

  async openPanel(): Promise<void> {
    await this.page.getByRole('button', { name: 'Field-level encryption' }).click();
    await expect(this.panel).toBeVisible();
  }

  /** Closes the panel so the results have the room. */
  async closePanel(): Promise<void> {
    await this.page.getByRole('button', { name: 'Field-level encryption' }).click();
    await expect(this.panel).toBeHidden();
  }

  /** Chooses a key file with the "Private key" file input and loads it. */
  async loadKeyFile(pem: string, name = 'key.pem'): Promise<void> {
    await this.panel.getByLabel('Private key', { exact: true }).setInputFiles({ name, mimeType: 'application/x-pem-file', buffer: Buffer.from(pem) });
    await this.panel.getByRole('button', { name: 'Load key' }).click();
  }

  /** The cell texts of one column, in row order. */
  async columnTexts(grid: Locator, column: number): Promise<string[]> {
    return grid.evaluate(
      (element, index) =>
        Array.from(element.querySelectorAll('[role="row"]'))
          .filter((row) => row.querySelector('[role="gridcell"]'))
          .sort((a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')))
          .map((row) => row.querySelectorAll('[role="gridcell"]')[index]?.textContent ?? ''),
      column,
    );
  }
}
