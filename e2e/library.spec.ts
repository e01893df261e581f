import { expect, test } from './support/test';
import { ConsolePage } from './support/console-page';
import { nativeRows } from './support/native';
import { SAMPLE_ROOT } from './support/servers';

test.describe('diagnostic library and parameters', () => {
  test('a library query opens in a new tab with cluster and date pickers, and prunes to one cluster', async ({ page }) => {
    const console = new ConsolePage(page);
    await console.open();
    await page.getByRole('button', { name: 'Library' }).click();
    const library = page.getByRole('list', { name: 'Diagnostic queries' });
    await expect(library.getByRole('listitem')).toHaveCount(15);
    await page.getByRole('button', { name: 'Open Aborted-query rate per cluster and day' }).click();
    await expect(page.getByRole('tab', { name: 'Aborted-query rate per cluster and day' })).toHaveAttribute('aria-selected', 'true');

    const form = page.getByRole('form', { name: 'Parameters' });
    const clusters = form.getByRole('listbox').first();
    const [cluster] = (await nativeRows(SAMPLE_ROOT, 'SELECT min(clusterid) FROM stl_query'))[0] ?? [];
    await clusters.selectOption([cluster ?? '']);
    await console.runButton.click();
    await console.waitForOutcome();
    const shown = await console.gridContent();
    expect(shown.rows.length).toBeGreaterThan(0);
    const clusterColumn = shown.headers.indexOf('clusterid');
    expect(clusterColumn).toBeGreaterThanOrEqual(0);
    for (const row of shown.rows) expect(row[clusterColumn]).toBe(cluster);
    const [, read, total] = /(\d+) of (\d+) files read/.exec((await console.stats.textContent()) ?? '') ?? [];
    expect(Number(read)).toBeLessThan(Number(total));
  });

  test('parameter values are bound as data, never as SQL', async ({ page }) => {
    const console = new ConsolePage(page);
    await console.open();
    await console.setSql('SELECT {{name}} AS v, count(*) AS n FROM stl_query WHERE clusterid = {{name}}');
    const input = page.getByRole('form', { name: 'Parameters' }).getByRole('textbox', { name: 'name' });
    await input.fill("x' OR 1=1 --");
    await console.runButton.click();
    await console.waitForOutcome();
    expect((await console.gridContent()).rows).toEqual([["x' OR 1=1 --", '0']]);
  });

  test('a missing or wrong-typed parameter gets a clear message and nothing runs', async ({ page }) => {
    const console = new ConsolePage(page);
    await console.open();
    await console.setSql('SELECT {{limit_rows}} AS n');
    await console.runButton.click();
    await expect(page.getByRole('alert').filter({ hasText: 'Parameters need attention' })).toContainText('limit_rows');
    await page.getByRole('combobox', { name: 'Type of limit_rows' }).selectOption('number');
    await page.getByRole('form', { name: 'Parameters' }).getByRole('spinbutton', { name: 'limit_rows' }).fill('12');
    await console.runButton.click();
    await console.waitForOutcome();
    expect((await console.gridContent()).rows).toEqual([['12']]);
  });
});
