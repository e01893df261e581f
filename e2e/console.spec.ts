import { expect, test } from './support/test';
import { ConsolePage } from './support/console-page';
import { nativeRows } from './support/native';
import { SAMPLE_ROOT } from './support/servers';

const TABLES = ['stl_alert_event_log', 'stl_ddltext', 'stl_explain', 'stl_query', 'stl_querytext', 'stl_scan', 'stl_utilitytext', 'stl_wlm_query'];

test('the catalog lists the 8 tables and every cluster of the sample', async ({ page }) => {
  const console = new ConsolePage(page);
  await console.open();
  const tree = page.getByRole('tree', { name: 'Tables' });
  for (const table of TABLES) await expect(tree.getByRole('treeitem', { name: table, exact: true })).toBeVisible();

  const clusters = (await nativeRows(SAMPLE_ROOT, 'SELECT DISTINCT clusterid FROM stl_query ORDER BY 1')).map((row) => row[0]);
  expect(clusters.length).toBeGreaterThanOrEqual(4);
  const stlQuery = tree.getByRole('treeitem', { name: 'stl_query', exact: true });
  await stlQuery.getByText('stl_query', { exact: true }).click();
  await stlQuery.getByText('Partitions', { exact: true }).click();
  const byCluster = stlQuery.getByRole('list', { name: 'stl_query partitions by clusterid' });
  for (const cluster of clusters) await expect(byCluster).toContainText(cluster ?? '');
  await expect(stlQuery.getByRole('list', { name: 'Columns of stl_query' })).toContainText('querytxt');
});

test('a cross-cluster aggregate matches native DuckDB on the same files', async ({ page }) => {
  const sql = `SELECT clusterid, count(*) AS queries, count(DISTINCT startdate) AS days,
    sum(CASE WHEN aborted = 1 THEN 1 ELSE 0 END) AS aborted,
    max(endtime) AS last_end
  FROM stl_query GROUP BY clusterid ORDER BY clusterid`;
  const console = new ConsolePage(page);
  await console.open();
  await console.run(sql);
  const shown = await console.gridContent();
  expect(shown.headers).toEqual(['clusterid', 'queries', 'days', 'aborted', 'last_end']);
  const expected = await nativeRows(SAMPLE_ROOT, sql);
  expect(expected.length).toBeGreaterThanOrEqual(4);
  // Native renders timestamps with a space separator as well; compare to the microsecond.
  expect(shown.rows).toEqual(expected.map((row) => row.map((cell) => cell.replace('T', ' '))));
});

test('the default query runs from the deep link and shows rows per cluster and day', async ({ page }) => {
  const console = new ConsolePage(page);
  await console.open('/?sql=' + encodeURIComponent("SELECT 'déjà vu ✓' AS text, 42::BIGINT AS answer") + '&run=1');
  const shown = await console.gridContent();
  expect(shown.rows).toEqual([['déjà vu ✓', '42']]);
  await expect(console.editor).toContainText('déjà vu ✓');
});

test('a query on one cluster and one day fetches only that partition', async ({ page }) => {
  const [partition] = await nativeRows(SAMPLE_ROOT, 'SELECT clusterid, CAST(startdate AS VARCHAR) FROM stl_scan GROUP BY ALL ORDER BY count(*) DESC LIMIT 1');
  const [cluster, day] = partition ?? [];
  const console = new ConsolePage(page);
  await console.open();
  const fetched: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/files/')) fetched.push(decodeURIComponent(url.pathname));
  });
  const sql = `SELECT count(*) AS scans, sum(rows) AS total_rows FROM stl_scan WHERE clusterid = '${cluster}' AND startdate = DATE '${day}'`;
  await console.run(sql);
  const shown = await console.gridContent();
  expect(shown.rows).toEqual(await nativeRows(SAMPLE_ROOT, sql));
  expect(fetched.length).toBeGreaterThan(0);
  for (const path of fetched) expect(path).toContain(`/stl_scan/clusterid=${cluster}/startdate=${day}/`);
  await expect(console.stats).toContainText(/\d+ of \d+ files read/);
  const [, read, total] = /(\d+) of (\d+) files read/.exec((await console.stats.textContent()) ?? '') ?? [];
  expect(Number(read)).toBeLessThan(Number(total));
});

test('no request leaves the app origin during a session', async ({ page, context, baseURL }) => {
  const origins = new Set<string>();
  context.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith('data:') && !url.startsWith('blob:')) origins.add(new URL(url).origin);
  });
  const console = new ConsolePage(page);
  await console.open();
  await console.runButton.click();
  await console.waitForOutcome();
  await console.run('SELECT clusterid, count(*) FROM stl_wlm_query GROUP BY 1');
  await console.run('SELECT * FROM stl_alert_event_log LIMIT 50');
  expect([...origins]).toEqual([new URL(baseURL ?? '').origin]);
});

test('invalid SQL shows DuckDB\u2019s error with its position, and the next query works', async ({ page }) => {
  const console = new ConsolePage(page);
  await console.open();
  await console.run('SELECT clusterid\nFORM stl_query');
  await expect(console.error).toContainText('syntax error');
  await expect(console.error).toContainText('line 2');
  await console.run('SELECT count(*) AS n FROM stl_query');
  const shown = await console.gridContent();
  expect(shown.rows).toEqual(await nativeRows(SAMPLE_ROOT, 'SELECT count(*) AS n FROM stl_query'));
  await console.run('SELECT no_such_column FROM stl_query');
  await expect(console.error).toContainText('no_such_column');
});

test('Ctrl+Enter runs the query', async ({ page }) => {
  const console = new ConsolePage(page);
  await console.open();
  await console.setSql('SELECT 7 AS seven');
  await page.keyboard.press('ControlOrMeta+Enter');
  await console.waitForOutcome();
  expect((await console.gridContent()).rows).toEqual([['7']]);
});

test('the results grid shows 100,000 rows and scrolls to the last one', async ({ page }) => {
  const console = new ConsolePage(page);
  await console.open();
  await console.run('SELECT i AS n, i * 2 AS twice, CAST(i AS VARCHAR) AS label FROM range(100000) t(i) ORDER BY i');
  await expect(console.stats).toContainText('100,000 rows');
  await expect(console.grid).toHaveAttribute('aria-rowcount', '100001');
  const renderedRows = await console.grid.getByRole('row').count();
  expect(renderedRows).toBeLessThan(200);
  await console.grid.evaluate((grid) => grid.scrollTo({ top: grid.scrollHeight }));
  await expect(console.grid.getByRole('gridcell', { name: '99999', exact: true }).first()).toBeVisible();
});

test('a running query can be cancelled and the next query runs', async ({ page }) => {
  const console = new ConsolePage(page);
  await console.open();
  await console.setSql('SELECT count(*) FROM range(10000000000) a(i) WHERE i % 7 = 3');
  await console.runButton.click();
  await expect(console.cancelButton).toBeEnabled();
  await console.cancelButton.click();
  await expect(console.error).toContainText(/cancel/i, { timeout: 10_000 });
  await console.run('SELECT 1 AS one');
  expect((await console.gridContent()).rows).toEqual([['1']]);
});

test('SQL pasted from Athena runs: Glue table names and Presto functions', async ({ page }) => {
  const console = new ConsolePage(page);
  await console.open();
  await console.run(`SELECT count(*) AS queries, count(DISTINCT clusterid) AS clusters,
      approx_percentile(date_diff('millisecond', starttime, endtime), 0.5) >= 0 AS has_p50,
      max(date_add('day', 1, starttime)) > max(starttime) AS shifted
    FROM redshift_query_logs_db.ext_stl_query`);
  const [expected] = await nativeRows(SAMPLE_ROOT, 'SELECT count(*), count(DISTINCT clusterid) FROM stl_query');
  expect((await console.gridContent()).rows).toEqual([[...(expected ?? []), 'true', 'true']]);
  await console.run('SELECT count(*) AS alerts FROM ext_stl_alert_event_log');
  expect((await console.gridContent()).rows).toEqual(await nativeRows(SAMPLE_ROOT, 'SELECT count(*) FROM stl_alert_event_log'));
});

test('Run all splits at semicolons in code only, so a dollar-quoted or E string keeps its semicolon', async ({ page }) => {
  const console = new ConsolePage(page);
  await console.open();
  await console.setSql("SELECT 1 AS one;\nSELECT $$a;b$$ AS s, E'c;\\'d' AS t; -- done;");
  await page.getByRole('button', { name: 'Run all', exact: true }).click();
  await console.waitForOutcome();
  expect((await console.gridContent()).rows).toEqual([['a;b', "c;'d"]]);
});

test('the export solution\u2019s cross-cluster grouping by md5(to_utf8(…)) runs as pasted', async ({ page }) => {
  const console = new ConsolePage(page);
  await console.open();
  await console.run("SELECT to_hex(md5(to_utf8('abc'))) AS h, length(to_utf8('é')) AS bytes");
  expect((await console.gridContent()).rows).toEqual([['900150983CD24FB0D6963F7D28E17F72', '2']]);
  await console.run(`SELECT count(*) AS statements FROM (
      SELECT to_hex(md5(to_utf8(trim(querytxt)))) AS statement_hash, count(*) AS runs, count(DISTINCT clusterid) AS clusters
      FROM redshift_query_logs_db.ext_stl_query
      GROUP BY md5(to_utf8(trim(querytxt)))
    ) t`);
  expect((await console.gridContent()).rows).toEqual(await nativeRows(SAMPLE_ROOT, 'SELECT count(DISTINCT md5(trim(querytxt))) FROM stl_query'));
});
