/**
 * Share links in real Chromium: a query with its parameters and chart travels in
 * a URL to a fresh browser context; a short link is created, opened and revoked;
 * every kind of bad link gets its message while the console keeps working, and
 * markup from a link is shown as text, never run.
 */
import type { Browser, Locator, Page } from '@playwright/test';
import { expect, test } from './support/test';
import { decodeShareToken, encodeShareState, encodeShareText } from '../lib/share/codec';
import { ConsolePage } from './support/console-page';
import { nativeRows } from './support/native';
import { SAMPLE_ROOT } from './support/servers';

const SQL = `-- requêtes par cluster, 東京 ✓
SELECT clusterid, count(*) AS queries FROM stl_query WHERE clusterid <> {{skip}} GROUP BY clusterid ORDER BY clusterid`;
const CHART_TITLE = '<script>window.__pwned = 1</script> Queries';
const CHART_NAME = `${CHART_TITLE} (Bar chart)`;

/** The share dialog and the shared-tab note, from the user's side. */
class SharePage {
  readonly page: Page;
  readonly dialog: Locator;
  readonly note: Locator;
  readonly problem: Locator;

  constructor(page: Page) {
    this.page = page;
    this.dialog = page.getByRole('dialog', { name: 'Share query' });
    this.note = page.getByRole('note', { name: 'Shared query' });
    this.problem = page.getByRole('alert', { name: 'Share link problem' });
  }

  async openDialog(): Promise<void> {
    await this.page.getByRole('button', { name: 'Share', exact: true }).click();
    await expect(this.dialog).toBeVisible();
  }

  /** The URL the dialog offers, under the given label ("Share link" or "Short link"). */
  async link(label: 'Share link' | 'Short link'): Promise<string> {
    const field = this.dialog.getByLabel(label, { exact: true });
    await expect(field).toHaveValue(/^http/);
    return field.inputValue();
  }

  chartDrawing(name: string): Locator {
    return this.page.getByRole('img', { name });
  }

  async showTable(): Promise<void> {
    await this.page.getByRole('group', { name: 'Results view' }).getByRole('button', { name: 'Table' }).click();
  }
}

/** Fails on page errors and on any dialog (an executed `alert` would open one). */
function watch(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('dialog', (dialog) => {
    errors.push(`unexpected dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return errors;
}

async function freshPage(browser: Browser, baseURL: string | undefined): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  return { page, errors: watch(page), close: () => context.close() };
}

async function notPwned(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
}

test('a query with parameters and a chart, shared as a URL, opens in a fresh browser context with the same rows and chart', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(300_000);
  const errors = watch(page);
  const console = new ConsolePage(page);
  const share = new SharePage(page);
  const native = await nativeRows(SAMPLE_ROOT, SQL.replace('{{skip}}', "'none'"));
  let url = '';

  await test.step('run a query with a parameter and draw it as a bar chart', async () => {
    await console.open();
    await console.setSql(SQL);
    await page.getByRole('form', { name: 'Parameters' }).getByLabel('skip', { exact: true }).fill('none');
    await console.runButton.click();
    await console.waitForOutcome();
    expect((await console.gridContent()).rows).toEqual(native);
    await page.getByRole('group', { name: 'Results view' }).getByRole('button', { name: 'Chart' }).click();
    const settings = page.getByRole('form', { name: 'Chart settings' });
    await settings.getByRole('combobox', { name: 'Chart type', exact: true }).selectOption('bar');
    await settings.getByRole('combobox', { name: 'X', exact: true }).selectOption('clusterid');
    await settings.getByRole('listbox', { name: 'Measures', exact: true }).selectOption(['queries']);
    await settings.getByRole('textbox', { name: 'Title', exact: true }).fill(CHART_TITLE);
    await expect(share.chartDrawing(CHART_NAME)).toBeVisible();
  });

  await test.step('Share gives a versioned URL that carries the state in its fragment', async () => {
    await share.openDialog();
    url = await share.link('Share link');
    expect(url).toMatch(/\/#share=v1\.[A-Za-z0-9_-]+$/);
    expect(url.length).toBeLessThan(8_200);
    const decoded = await decodeShareToken(url.split('#share=')[1]!);
    expect(decoded.ok && decoded.state).toMatchObject({ sql: SQL, params: { skip: 'none' }, view: 'chart', chart: { type: 'bar', title: CHART_TITLE } });
    await share.dialog.getByRole('button', { name: 'Close' }).click();
  });

  const other = await freshPage(browser, baseURL);
  try {
    const theirs = new ConsolePage(other.page);
    const theirShare = new SharePage(other.page);
    await test.step('a fresh browser context opens the link: a new tab, run, same chart, same rows', async () => {
      await theirs.open(url);
      await expect(theirShare.note).toContainText(/Shared on \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
      await expect(theirShare.chartDrawing(CHART_NAME)).toBeVisible({ timeout: 60_000 });
      await expect(other.page.getByRole('form', { name: 'Chart settings' }).getByRole('listbox', { name: 'Measures' })).toHaveValues(['queries']);
      await expect(other.page.getByRole('form', { name: 'Parameters' }).getByLabel('skip', { exact: true })).toHaveValue('none');
      await theirShare.showTable();
      expect((await theirs.gridContent()).rows).toEqual(native);
      expect(new URL(other.page.url()).hash).toBe('');
      await notPwned(other.page);
    });

    await test.step('the opener changes the parameter in their copy; the link still opens the original', async () => {
      const [first] = native;
      await other.page.getByRole('form', { name: 'Parameters' }).getByLabel('skip', { exact: true }).fill(String(first?.[0]));
      await theirs.runButton.click();
      await theirs.waitForOutcome();
      expect((await theirs.gridContent()).rows).toEqual(native.slice(1));
      await theirs.open(url);
      await expect(other.page.getByRole('form', { name: 'Parameters' }).getByLabel('skip', { exact: true })).toHaveValue('none');
      await expect(theirShare.chartDrawing(CHART_NAME)).toBeVisible({ timeout: 60_000 });
    });
    expect(other.errors).toEqual([]);
  } finally {
    await other.close();
  }
  await notPwned(page);
  expect(errors).toEqual([]);
});

test('a short link is created, opened in a fresh context, revoked, and then says it was revoked', async ({ page, browser, baseURL }) => {
  test.setTimeout(240_000);
  const errors = watch(page);
  const console = new ConsolePage(page);
  const share = new SharePage(page);
  const sql = 'SELECT count(*) AS queries FROM stl_query';
  const native = await nativeRows(SAMPLE_ROOT, sql);
  let shortUrl = '';

  await test.step('create a short link from the Share dialog', async () => {
    await console.open();
    await console.run(sql);
    await share.openDialog();
    await share.dialog.getByRole('button', { name: 'Create short link' }).click();
    shortUrl = await share.link('Short link');
    expect(new URL(shortUrl).pathname).toMatch(/^\/s\/[A-Za-z0-9_-]{22}$/);
    await share.dialog.getByRole('button', { name: 'Close' }).click();
  });

  const other = await freshPage(browser, baseURL);
  try {
    const theirs = new ConsolePage(other.page);
    const theirShare = new SharePage(other.page);
    await test.step('open it in a fresh context: same rows, and who shared it when', async () => {
      await theirs.open(shortUrl);
      await theirs.waitForOutcome();
      expect((await theirs.gridContent()).rows).toEqual(native);
      await expect(theirShare.note).toContainText(/Shared by e2e-admin on \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    });

    await test.step('revoke it; opening it again says it was revoked, and the console still works', async () => {
      await theirShare.note.getByRole('button', { name: 'Revoke short link' }).click();
      await expect(theirShare.note.getByRole('status')).toHaveText('Short link revoked.');
      await theirs.open(shortUrl);
      await expect(theirShare.problem).toContainText(/This short link was revoked by e2e-admin on \d{4}-\d\d-\d\d \d\d:\d\d UTC\./);
      await theirs.run('SELECT 42 AS answer');
      expect((await theirs.gridContent()).rows).toEqual([['42']]);
    });
    expect(other.errors).toEqual([]);
  } finally {
    await other.close();
  }
  expect(errors).toEqual([]);
});

test('every bad link gets its message, the console opens normally, and markup from a link stays text', async ({ page }) => {
  test.setTimeout(300_000);
  const errors = watch(page);
  const console = new ConsolePage(page);
  const share = new SharePage(page);
  const valid = await encodeShareState({ v: 1, title: 'Ok', sql: 'SELECT 1 AS one', params: {}, paramDefs: [], view: 'table' });
  const middle = Math.floor(valid.length / 2);
  const flipped = `${valid.slice(0, middle)}${valid[middle] === 'A' ? 'B' : 'A'}${valid.slice(middle + 1)}`;
  const cases: [string, string, RegExp][] = [
    ['a truncated link', `/#share=${valid.slice(0, valid.length - 6)}`, /incomplete: it ends early/],
    ['bit-flipped base64', `/#share=${flipped}`, /damaged: its contents do not check out/],
    ['an unknown version', `/#share=v7${valid.slice(2)}`, /format version 7, but this ClusterScope reads version 1/],
    ['an oversized link', `/#share=v1.${'A'.repeat(9_000)}`, /too long \(9,003 characters; the limit is 8,000\)/],
    ['valid compression around invalid JSON', `/#share=${await encodeShareText('{"v":1,"sql":')}`, /contents are not valid JSON/],
    ['JSON of the wrong shape', `/#share=${await encodeShareText(JSON.stringify({ v: 1, sql: 5 }))}`, /does not describe a ClusterScope query \(title:/],
    ['an unknown short link', '/s/AAAAAAAAAAAAAAAAAAAAAA', /This short link does not exist/],
    ['a malformed short-link id', '/s/%3Cscript%3E', /This short link does not exist/],
  ];

  for (const [name, path, message] of cases) {
    await test.step(`${name}: a clear message, and the console works`, async () => {
      await page.goto('about:blank');
      await console.open(path);
      await expect(share.problem).toContainText(message);
      await expect(share.problem).toContainText('The shared link could not be opened.');
      await expect(console.editor).toBeVisible();
      await share.problem.getByRole('button', { name: 'Dismiss' }).click();
      await expect(share.problem).toHaveCount(0);
    });
  }

  await test.step('SQL and titles holding markup are shown as text, never executed', async () => {
    const markupSql = `SELECT '<img src=x onerror="window.__pwned=2">' AS "<b>bold</b>"`;
    const token = await encodeShareState({
      v: 1,
      title: '<script>window.__pwned=3</script>',
      sql: markupSql,
      params: {},
      paramDefs: [],
      chart: { type: 'table', title: '<img src=x onerror="window.__pwned=4">' },
      view: 'chart',
    });
    await page.goto('about:blank');
    await console.open(`/#share=${token}`);
    await expect(page.getByRole('tab', { name: '<script>window.__pwned=3</script>' })).toBeVisible();
    await expect(console.editor).toContainText('<img src=x onerror="window.__pwned=2">');
    await expect(page.getByRole('form', { name: 'Chart settings' }).getByLabel('Title', { exact: true })).toHaveValue('<img src=x onerror="window.__pwned=4">');
    await share.showTable();
    expect(await console.gridContent()).toEqual({ headers: ['<b>bold</b>'], rows: [['<img src=x onerror="window.__pwned=2">']] });
    await notPwned(page);
  });

  await console.run('SELECT 7 AS still_works');
  expect((await console.gridContent()).rows).toEqual([['7']]);
  expect(errors).toEqual([]);
});
