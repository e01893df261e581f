import { expect, test } from './support/test';
import { ConsolePage } from './support/console-page';
import { E2E_SERVERS } from './support/servers';

test.describe('a source with broken files', () => {
  test.use({ baseURL: E2E_SERVERS.broken.url });

  test('a corrupt Parquet file is named, and the rest of its table and the other tables still work', async ({ page }) => {
    const console = new ConsolePage(page);
    await console.open();
    const tree = page.getByRole('tree', { name: 'Tables' });
    const stlQuery = tree.getByRole('treeitem', { name: 'stl_query', exact: true });
    await stlQuery.getByText('stl_query', { exact: true }).click();
    const skipped = stlQuery.getByRole('list', { name: 'Skipped files of stl_query' });
    await expect(skipped).toContainText('part-99998-corrupt');
    await expect(skipped).toContainText('not a readable Parquet file');

    await console.run('SELECT count(*) > 0 AS has_rows, count(DISTINCT clusterid) AS clusters FROM stl_query');
    expect((await console.gridContent()).rows).toEqual([['true', '2']]);
    await console.run('SELECT count(*) > 0 AS has_rows FROM stl_wlm_query');
    expect((await console.gridContent()).rows).toEqual([['true']]);
  });

  test('empty files, empty partition folders and non key=value folders are reported', async ({ page }) => {
    const console = new ConsolePage(page);
    await console.open();
    const warnings = page.getByRole('navigation', { name: 'Catalog' }).getByText(/catalog warnings/);
    await warnings.click();
    const list = page.getByRole('navigation', { name: 'Catalog' });
    await expect(list).toContainText('part-99999-empty');
    await expect(list).toContainText('0 bytes');
    await expect(list).toContainText('startdate=2020-01-01');
    await expect(list).toContainText('backup');
  });
});

for (const name of ['empty', 'missing'] as const) {
  test.describe(`a${name === 'empty' ? 'n' : ''} ${name} data folder`, () => {
    test.use({ baseURL: E2E_SERVERS[name].url });

    test('shows an empty state that says what to configure', async ({ page }) => {
      await page.goto('/');
      const empty = page.getByRole('region', { name: 'No tables found' });
      await expect(empty).toBeVisible();
      await expect(empty).toContainText('CLUSTERSCOPE_SOURCE');
      await expect(empty).toContainText('npm run sample');
    });
  });
}

test.describe('the file route', () => {
  test('answers 206 for a range, 416 past the end, and refuses paths outside the catalog', async ({ request }) => {
    const manifest = (await (await request.get('/api/catalog')).json()) as {
      tables: { files: { path: string; size: number }[] }[];
    };
    const file = manifest.tables[0]?.files[0];
    expect(file).toBeDefined();
    const url = `/api/files/${(file?.path ?? '').split('/').map(encodeURIComponent).join('/')}`;

    const partial = await request.get(url, { headers: { Range: 'bytes=0-3' } });
    expect(partial.status()).toBe(206);
    expect(await partial.body()).toEqual(Buffer.from('PAR1'));

    const past = await request.get(url, { headers: { Range: `bytes=${file?.size ?? 0}-` } });
    expect(past.status()).toBe(416);
    expect(past.headers()['content-range']).toBe(`bytes */${file?.size}`);

    for (const attack of ['/api/files/..%2F..%2Fpackage.json', '/api/files/%2Fetc%2Fpasswd', '/api/files/a/..%2F..%2F..%2Fetc%2Fpasswd']) {
      const refused = await request.get(attack);
      expect(refused.status(), attack).toBeGreaterThanOrEqual(400);
      expect(refused.status(), attack).toBeLessThan(500);
      expect(await refused.text()).not.toContain('root:');
    }
    expect((await request.get('/api/files/package.json')).status()).toBe(404);
  });
});
