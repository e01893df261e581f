import { expect, test } from './support/test';
import { sampleDay } from '../lib/sample/testing';
import { ConsolePage } from './support/console-page';

test.describe('tabs, history and editor commands', () => {
  test('tabs and their SQL survive a reload, and every run is in the searchable history', async ({ page }) => {
    const console = new ConsolePage(page);
    await console.open();
    await console.run('SELECT 1 AS first_tab');
    await page.getByRole('button', { name: 'New tab' }).click();
    await expect(page.getByRole('tab')).toHaveCount(2);
    await console.run('SELECT 2 AS second_tab');
    await console.run('SELECT broken FROM nowhere');
    await expect(console.error).toBeVisible();

    await page.reload();
    await expect(page.getByRole('status', { name: 'Engine status' })).toContainText('Engine ready', { timeout: 120_000 });
    await expect(page.getByRole('tab')).toHaveCount(2);
    await expect(console.editor).toContainText('SELECT broken FROM nowhere');
    await page.getByRole('tab').first().click();
    await expect(console.editor).toContainText('SELECT 1 AS first_tab');

    await page.getByRole('button', { name: 'History' }).click();
    const runs = page.getByRole('list', { name: 'Past runs' });
    await expect(runs.getByRole('listitem')).toHaveCount(3);
    await page.getByLabel('Search history').fill('nowhere');
    await expect(runs.getByRole('listitem')).toHaveCount(1);
    await expect(runs).toContainText('error');
    await runs.getByRole('button').first().click();
    await expect(page.getByRole('tab')).toHaveCount(3);
    await expect(console.editor).toContainText('SELECT broken FROM nowhere');
  });

  test('Run executes the statement under the cursor; Run all executes the script', async ({ page }) => {
    const console = new ConsolePage(page);
    await console.open();
    await console.setSql('SELECT 1 AS a;\nSELECT 2 AS b;\nSELECT 3 AS c;');
    await page.keyboard.press('ControlOrMeta+Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ControlOrMeta+Enter');
    await console.waitForOutcome();
    expect(await console.gridContent()).toEqual({ headers: ['b'], rows: [['2']] });

    await page.getByRole('button', { name: 'Run all' }).click();
    await console.waitForOutcome();
    expect(await console.gridContent()).toEqual({ headers: ['c'], rows: [['3']] });

    await console.setSql('CREATE TEMP TABLE t AS SELECT 41 AS x; SELECT x + 1 AS answer FROM t');
    await page.getByRole('button', { name: 'Run all' }).click();
    await console.waitForOutcome();
    expect(await console.gridContent()).toEqual({ headers: ['answer'], rows: [['42']] });
  });

  test('Format rewrites the SQL, and the shortcuts are listed in a help panel', async ({ page }) => {
    const console = new ConsolePage(page);
    await console.open();
    await console.setSql("select clusterid from stl_query where startdate = date '2026-11-01'");
    await page.getByRole('button', { name: 'Format' }).click();
    await expect(console.editor).toContainText('SELECT');
    await expect(console.editor).toContainText("DATE '2026-11-01'");
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(help).toContainText('Ctrl/Cmd+Enter');
    await expect(help).toContainText('Format the SQL');
    await help.getByRole('button', { name: 'Close' }).click();
    await expect(help).toBeHidden();
  });
});

test('EXPLAIN and EXPLAIN ANALYZE show the plan as text', async ({ page }) => {
  const console = new ConsolePage(page);
  await console.open();
  await console.run(`EXPLAIN SELECT clusterid, count(*) FROM stl_query WHERE startdate = DATE '${sampleDay(2)}' GROUP BY 1`);
  const plan = page.getByRole('region', { name: 'Query plan' });
  await expect(plan).toContainText('physical plan');
  await expect(plan).toContainText('READ_PARQUET');
  await expect(plan).toContainText('File Filters');
  await console.run('EXPLAIN ANALYZE SELECT count(*) FROM stl_wlm_query');
  await expect(plan).toContainText('Total Time');
});

test('autocomplete suggests the columns of a table after its alias', async ({ page }) => {
  const console = new ConsolePage(page);
  await console.open();
  await console.setSql('SELECT  FROM stl_query q');
  await page.keyboard.press('ControlOrMeta+Home');
  for (let step = 0; step < 'SELECT '.length; step += 1) await page.keyboard.press('ArrowRight');
  await page.keyboard.type('q.query');
  const options = page.getByRole('listbox');
  await expect(options.getByRole('option', { name: /querytxt/ })).toBeVisible();
  await expect(options.getByRole('option', { name: /perm_table_name/ })).toHaveCount(0);
});

test('a query that runs out of memory says what happened, and the engine keeps working', async ({ page }) => {
  const console = new ConsolePage(page);
  await console.open();
  await console.setSql("SET memory_limit = '64MB';\nSELECT length(list(i)) AS n FROM range(30000000) t(i);");
  await page.getByRole('button', { name: 'Run all' }).click();
  await expect(console.error).toContainText('Out of Memory');
  await expect(console.error).toContainText('Filter on clusterid and startdate');
  await console.run("SET memory_limit = '2GB'");
  await console.run('SELECT 42 AS answer');
  expect((await console.gridContent()).rows).toEqual([['42']]);
});
