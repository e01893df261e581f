/**
 * The Fleet Advisor on the bundled sample, from the user's side: it runs on
 * opening, ranks by impact, filters by kind, proposes statements, links its
 * evidence into the console, and exports Markdown.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { ConsolePage } from './support/console-page';
import { expect, test } from './support/test';

const SECONDS = { ms: 0.001, s: 1, min: 60, h: 3600 } as const;

/** `1 min 5 s`, `12.3 s` or `850 ms` back to seconds, to check the ranking as shown. */
function seconds(text: string): number {
  let total = 0;
  for (const [, value, unit] of text.matchAll(/([\d.]+)\s*(ms|s|min|h)\b/g)) total += Number(value) * SECONDS[unit as keyof typeof SECONDS];
  return total;
}

async function openAdvisor(page: Page): Promise<void> {
  await page.goto('/advisor');
  await expect(page.getByRole('status', { name: 'Advisor progress' })).toContainText(/\d+ recommendations from \d+ rules/, { timeout: 180_000 });
}

test('the Advisor ranks recommendations by impact, filters by kind, links evidence to the console and exports Markdown', async ({ page }) => {
  test.setTimeout(300_000);
  await openAdvisor(page);
  const list = page.getByRole('region', { name: 'Recommendations' });
  const cards = list.getByRole('article');

  await test.step('every rule ran, and the list is ranked by impact', async () => {
    await expect(page.getByRole('list', { name: 'Rules' }).getByRole('alert')).toHaveCount(0);
    expect(await cards.count()).toBeGreaterThan(5);
    const impacts = (await list.getByLabel('Impact', { exact: true }).allTextContents()).map(seconds);
    expect(impacts).toEqual([...impacts].sort((a, b) => b - a));
  });

  await test.step('filtered to one kind, each recommendation has its statement', async () => {
    await page.getByLabel('Kind').selectOption({ label: 'Missing statistics' });
    const count = await cards.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < Math.min(count, 5); i++) {
      await expect(cards.nth(i).getByRole('heading')).toContainText('Missing statistics on');
      await expect(cards.nth(i).getByLabel('Statement to run')).toHaveText(/^ANALYZE [^;]+;$/);
    }
  });

  await test.step('Markdown export carries the statements and evidence links', async () => {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export Markdown' }).click();
    const file = await (await download).path();
    const markdown = readFileSync(file, 'utf8');
    expect(markdown).toContain('# ClusterScope Advisor:');
    expect(markdown).toMatch(/```sql\nANALYZE [^;]+;\n```/);
    expect(markdown).toMatch(/Affected queries: http:\/\/127\.0\.0\.1:\d+\/\?sql=/);
  });

  await test.step('an evidence query opens in the console and runs', async () => {
    const first = cards.first();
    await first.getByText('Evidence').click();
    const link = first.getByRole('link', { name: /^Query \d+$/ }).first();
    const query = (await link.textContent())?.replace('Query ', '') ?? '';
    await link.click();
    const console = new ConsolePage(page);
    await expect(page.getByRole('status', { name: 'Engine status' })).toContainText('Engine ready', { timeout: 120_000 });
    await console.waitForOutcome();
    const { headers, rows } = await console.gridContent();
    expect(headers[0]).toBe('query');
    expect(rows.map((row) => row[0])).toEqual([query]);
  });
});

test('dismiss and snooze survive a reload, and restore brings a finding back', async ({ page }) => {
  test.setTimeout(300_000);
  await openAdvisor(page);
  const list = page.getByRole('region', { name: 'Recommendations' });
  const cards = list.getByRole('article');
  const hiddenList = page.getByRole('list', { name: 'Dismissed and snoozed' });
  const first = await cards.nth(0).getAttribute('aria-label');
  const second = await cards.nth(1).getAttribute('aria-label');
  /** A card's name without its rank, which changes as findings are hidden. */
  const unranked = (label: string | null): string => (label ?? '').replace(/^\d+\. /, '');

  await test.step('dismiss one with a reason and snooze another', async () => {
    const dismissed = cards.nth(0).getByRole('group', { name: /^Decide on / });
    await dismissed.getByLabel('Reason').fill('planned for the next maintenance window');
    await dismissed.getByRole('button', { name: 'Dismiss' }).click();
    await expect(list.getByRole('heading', { name: new RegExp(`^\\d+\\. ${escape(unranked(first))}$`) })).toHaveCount(0);
    const snoozed = list.getByRole('article', { name: new RegExp(`^\\d+\\. ${escape(unranked(second))}$`) }).getByRole('group', { name: /^Decide on / });
    await snoozed.getByRole('button', { name: 'Snooze' }).click();
    await expect(page.getByText(/^Dismissed and snoozed \(2\)$/)).toBeVisible();
  });

  await test.step('after a reload both stay hidden, with who decided and why', async () => {
    await openAdvisor(page);
    await page.getByText(/^Dismissed and snoozed \(2\)$/).click();
    await expect(hiddenList.getByRole('listitem')).toHaveCount(2);
    await expect(hiddenList).toContainText('dismissed: planned for the next maintenance window');
    await expect(hiddenList).toContainText(/snoozed until \d{4}-\d{2}-\d{2}/);
    for (const label of [first, second]) await expect(list.getByRole('heading', { name: new RegExp(`^\\d+\\. ${escape(unranked(label))}$`) })).toHaveCount(0);
  });

  await test.step('restore brings them back', async () => {
    await hiddenList.getByRole('button', { name: 'Restore' }).first().click();
    await expect(hiddenList.getByRole('listitem')).toHaveCount(1);
    await hiddenList.getByRole('button', { name: 'Restore' }).click();
    await expect(page.getByText(/^Dismissed and snoozed/)).toHaveCount(0);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
