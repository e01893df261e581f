import { expect, type Page } from '@playwright/test';

/**
 * Waits until the page shows the console deep link for `sql` (with `run=1`).
 * Compares the query's meaning: Next's URL object re-encodes it (a space as "+").
 */
export async function expectDeepLink(page: Page, sql: string): Promise<void> {
  await expect
    .poll(() => {
      const url = new URL(page.url());
      return [url.pathname, url.searchParams.get('sql'), url.searchParams.get('run')];
    })
    .toEqual(['/', sql, '1']);
}
