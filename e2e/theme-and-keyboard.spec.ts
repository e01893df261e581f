/**
 * Looks and keyboard, from the user's side: the theme toggle (System, Light,
 * Dark) changes the page's colours at once and on the next load (set by the
 * server, so before first paint), System follows the browser's colour scheme,
 * the tile menu is a keyboard menu button, and query tabs move with the arrows.
 */
import type { Page } from '@playwright/test';
import { ConsolePage } from './support/console-page';
import { DashboardPage } from './support/dashboard-page';
import { E2E_SERVERS } from './support/servers';
import { expect, test } from './support/test';

/** Relative luminance (0 black … 1 white) of a computed `rgb()`/`color(srgb …)` background. */
async function pageLuminance(page: Page): Promise<number> {
  const colour = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const channels = colour.match(/[\d.]+/g)?.map(Number) ?? [];
  expect(channels.length, `a colour: ${colour}`).toBeGreaterThanOrEqual(3);
  // rgb() gives 0…255, color(srgb …) gives 0…1.
  const scale = colour.startsWith('rgb') ? 255 : 1;
  const [r = 0, g = 0, b = 0] = channels.map((channel) => channel / scale);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

const isDark = (luminance: number): boolean => luminance < 0.2;

test.describe('theme', () => {
  test('Dark from the toggle darkens the page at once, and the next load is dark from the server', async ({ page, context }) => {
    await page.goto('/dashboards');
    const theme = page.getByRole('combobox', { name: 'Theme' });
    await expect(theme).toHaveValue('system');
    expect(isDark(await pageLuminance(page))).toBe(false);

    await test.step('choose Dark', async () => {
      await theme.selectOption('dark');
      expect(isDark(await pageLuminance(page))).toBe(true);
      const cookie = (await context.cookies()).find((entry) => entry.name === 'theme');
      expect(cookie).toMatchObject({ value: 'dark', path: '/', sameSite: 'Lax', httpOnly: false });
      // About a year from now.
      expect(cookie?.expires ?? 0).toBeGreaterThan(Date.now() / 1000 + 360 * 24 * 3600);
    });

    await test.step('the choice survives a reload, and the server paints it (no script needed)', async () => {
      await page.reload();
      await expect(theme).toHaveValue('dark');
      expect(isDark(await pageLuminance(page))).toBe(true);
      const html = await (await page.request.get('/dashboards')).text();
      expect(html).toMatch(/<html[^>]* data-theme="dark"/);
    });

    await test.step('the console follows the same choice', async () => {
      await page.goto('/');
      await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue('dark');
      expect(isDark(await pageLuminance(page))).toBe(true);
    });

    await test.step('back to Light', async () => {
      await page.getByRole('combobox', { name: 'Theme' }).selectOption('light');
      expect(isDark(await pageLuminance(page))).toBe(false);
      await page.reload();
      expect(isDark(await pageLuminance(page))).toBe(false);
    });
  });

  test('a theme cookie with any other value is ignored: the page follows the system', async ({ page, context }) => {
    const url = new URL(E2E_SERVERS.sample.url);
    await context.addCookies([{ name: 'theme', value: '%22%3E%3Cscript%3Ealert(1)%3C/script%3E', domain: url.hostname, path: '/' }]);
    await page.goto('/dashboards');
    await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue('system');
    const html = await (await page.request.get('/dashboards')).text();
    expect(html).not.toContain('data-theme=');
  });

  test.describe('with a dark system preference', () => {
    test.use({ colorScheme: 'dark' });

    test('System is dark, and Light overrides it', async ({ page }) => {
      await page.goto('/dashboards');
      await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue('system');
      expect(isDark(await pageLuminance(page))).toBe(true);
      await page.getByRole('combobox', { name: 'Theme' }).selectOption('light');
      expect(isDark(await pageLuminance(page))).toBe(false);
    });

    test('the console and a dashboard in dark (screenshots for a human eye)', async ({ page }) => {
      test.setTimeout(300_000);
      const console = new ConsolePage(page);
      await console.open();
      await console.run('SELECT clusterid, hour(starttime) AS hour, count(*) AS queries, NULL AS nothing FROM stl_query GROUP BY ALL ORDER BY 1, 2');
      await page.screenshot({ path: 'test-results/dark-console-grid.png' });
      await page.getByRole('group', { name: 'Results view' }).getByRole('button', { name: 'Chart' }).click();
      const settings = page.getByRole('form', { name: 'Chart settings' });
      await settings.getByRole('combobox', { name: 'Chart type', exact: true }).selectOption('bar');
      await settings.getByRole('combobox', { name: 'X', exact: true }).selectOption('hour');
      await settings.getByRole('listbox', { name: 'Measures', exact: true }).selectOption(['queries']);
      const bars = page.getByRole('img', { name: /Bar chart/ });
      await expect(bars).toBeVisible();
      // A tooltip and its cursor, on the page's colours.
      await bars.locator('.recharts-bar-rectangle').nth(5).hover();
      await expect(page.locator('.recharts-default-tooltip')).toBeVisible();
      await page.getByRole('figure').screenshot({ path: 'test-results/dark-console-bar-tooltip.png' });
      await settings.getByRole('combobox', { name: 'Chart type', exact: true }).selectOption('heatmap');
      await settings.getByRole('combobox', { name: 'Y', exact: true }).selectOption('clusterid');
      await expect(page.getByRole('img', { name: 'Heatmap' })).toBeVisible();
      await page.getByRole('figure').screenshot({ path: 'test-results/dark-console-heatmap.png' });
      await page.getByRole('combobox', { name: 'Theme' }).selectOption('light');
      await page.screenshot({ path: 'test-results/light-console-heatmap.png' });
      await page.getByRole('combobox', { name: 'Theme' }).selectOption('system');
      const dashboard = new DashboardPage(page);
      await dashboard.open('fleet-overview');
      expect(isDark(await pageLuminance(page))).toBe(true);
      await page.screenshot({ path: 'test-results/dark-fleet-overview.png', fullPage: true });
      await dashboard.open('alerts-table-health');
      await page.screenshot({ path: 'test-results/dark-alerts.png', fullPage: true });
    });
  });
});

test('the tile menu works from the keyboard: arrows move, Escape closes, focus goes back to the button', async ({ page }) => {
  test.setTimeout(240_000);
  // Wait for the tiles: a tile's items (Open in console, Download CSV) appear once it has run.
  // Fleet overview ships read-only, so its menus end at Full screen (no Remove tile).
  await new DashboardPage(page).open('fleet-overview');
  const button = page.getByRole('button', { name: 'Tile menu: Queries by cluster' });
  const menu = page.getByRole('menu', { name: 'Actions for Queries by cluster' });
  const item = (name: string) => menu.getByRole('menuitem', { name });

  await test.step('Enter opens the menu on its first item', async () => {
    await button.focus();
    await page.keyboard.press('Enter');
    await expect(menu).toBeVisible();
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    await expect(item('View SQL')).toBeFocused();
  });

  await test.step('arrows, Home and End move between the items, wrapping', async () => {
    await page.keyboard.press('ArrowDown');
    await expect(item('Open in console')).toBeFocused();
    await page.keyboard.press('End');
    await expect(item('Full screen')).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(item('View SQL')).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(item('Full screen')).toBeFocused();
    await page.keyboard.press('Home');
    await expect(item('View SQL')).toBeFocused();
  });

  await test.step('Escape closes it and focus returns to the button', async () => {
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
    await expect(button).toBeFocused();
    await expect(button).toHaveAttribute('aria-expanded', 'false');
  });

  await test.step('ArrowUp on the button opens it on the last item', async () => {
    await page.keyboard.press('ArrowUp');
    await expect(item('Full screen')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(button).toBeFocused();
  });

  await test.step('a click outside closes it', async () => {
    await button.click();
    await expect(menu).toBeVisible();
    await page.getByRole('heading', { name: 'Fleet overview' }).click();
    await expect(menu).toBeHidden();
    await expect(button).toHaveAttribute('aria-expanded', 'false');
  });
});

test('query tabs move with the arrow keys; only the active tab is in the Tab order', async ({ page }) => {
  await page.goto('/');
  const tablist = page.getByRole('tablist', { name: 'Query tabs' });
  const tabs = tablist.getByRole('tab');
  await expect(tabs.first()).toBeVisible();
  await page.getByRole('button', { name: 'New tab' }).click();
  await page.getByRole('button', { name: 'New tab' }).click();
  const count = await tabs.count();
  expect(count).toBeGreaterThanOrEqual(3);
  const last = tabs.nth(count - 1);
  await last.click();
  await expect(last).toHaveAttribute('aria-selected', 'true');
  await expect(tablist.locator('[role="tab"][tabindex="0"]')).toHaveCount(1);

  await page.keyboard.press('ArrowLeft');
  const previous = tabs.nth(count - 2);
  await expect(previous).toBeFocused();
  await expect(previous).toHaveAttribute('aria-selected', 'true');
  await expect(previous).toHaveAttribute('tabindex', '0');
  await expect(last).toHaveAttribute('tabindex', '-1');

  await page.keyboard.press('Home');
  await expect(tabs.first()).toBeFocused();
  await expect(tabs.first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowLeft');
  await expect(last).toBeFocused();
  await expect(last).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(tabs.first()).toBeFocused();
  await page.keyboard.press('End');
  await expect(last).toBeFocused();
  await expect(last).toHaveAttribute('aria-selected', 'true');
});
