import { expect, test, type Page } from './support/test';
import { ConsolePage } from './support/console-page';

async function saveAs(page: Page, name: string, tags = ''): Promise<void> {
  const dialog = page.getByRole('dialog', { name: /Save/ });
  await dialog.getByLabel('Name').fill(name);
  if (tags) await dialog.getByLabel('Tags').fill(tags);
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
}

test.describe('saved queries', () => {
  test('save, find after a reload, reopen, and delete with confirmation', async ({ page }) => {
    const name = `Saved three ${Date.now()}`;
    const console = new ConsolePage(page);
    await console.open();
    await console.setSql('SELECT 3 AS saved_three');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await saveAs(page, name, 'demo, e2e');
    await expect(page.getByRole('tab', { name })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Save changes' })).toBeVisible();

    await page.reload();
    await expect(page.getByRole('status', { name: 'Engine status' })).toContainText('Engine ready', { timeout: 120_000 });
    await page.getByRole('button', { name: 'Saved', exact: true }).click();
    await page.getByLabel('Search saved queries').fill('e2e');
    const list = page.getByRole('list', { name: 'Saved query list' });
    await list.getByRole('button', { name, exact: true }).click();
    await expect(console.editor).toContainText('SELECT 3 AS saved_three');

    await list.getByRole('button', { name: `Delete ${name}` }).click();
    await list.getByRole('button', { name: `Confirm deleting ${name}` }).click();
    await expect(list.getByRole('button', { name, exact: true })).toHaveCount(0);
  });

  test('a save from a stale copy gets a conflict and loses nothing', async ({ page, context }) => {
    const name = `Shared ${Date.now()}`;
    const first = new ConsolePage(page);
    await first.open();
    await first.setSql('SELECT 1 AS version_one');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await saveAs(page, name);
    await expect(page.getByRole('button', { name: 'Save changes' })).toBeVisible();

    const other = await context.newPage();
    const second = new ConsolePage(other);
    await second.open();
    await other.getByRole('button', { name: 'Saved', exact: true }).click();
    await other.getByRole('list', { name: 'Saved query list' }).getByRole('button', { name, exact: true }).click();
    await second.setSql('SELECT 2 AS their_change');
    await other.getByRole('button', { name: 'Save changes' }).click();
    await other.getByRole('dialog').getByRole('button', { name: 'Save', exact: true }).click();
    await expect(other.getByRole('dialog')).toBeHidden();

    await page.bringToFront();
    await first.setSql('SELECT 3 AS my_change');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Save', exact: true }).click();
    const conflict = page.getByRole('dialog').getByRole('alert');
    await expect(conflict).toContainText('Nothing was overwritten');
    await expect(conflict).toContainText('version 2');
    await conflict.getByRole('button', { name: 'Open theirs in a new tab' }).click();
    await expect(first.editor).toContainText('SELECT 2 AS their_change');
    await page.getByRole('tab', { name }).first().click();
    await expect(first.editor).toContainText('SELECT 3 AS my_change');
  });
});
