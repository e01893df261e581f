/**
 * The console on an S3 source (a real radosgw seeded with the sample), in real
 * Chromium: same answers as the local folder, partition pruning visible in the
 * ranged GETs that reach S3, refresh, expiring presigned URLs and a source
 * that is down.
 */
import { DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import type { Page, Request } from '@playwright/test';
import { expect, test } from './support/test';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { LIBRARY, defaultValues } from '../lib/library';
import { bindParameters, describeParamErrors } from '../lib/params/bind';
import { testS3Client, testS3Port } from '../lib/s3/testing/env';
import { ConsolePage } from './support/console-page';
import { E2E_SERVERS, S3_SAMPLE_BUCKET, SAMPLE_ROOT } from './support/servers';

const sample = JSON.parse(readFileSync(path.join(SAMPLE_ROOT, 'sample.json'), 'utf8')) as { startDate: string; options: { endDate: string } };
const TABLE_DIR = path.join(SAMPLE_ROOT, 'extract_redshift_query_logs', 'data');
const CLUSTERS = readdirSync(path.join(TABLE_DIR, 'stl_query'))
  .map((name) => name.slice('clusterid='.length))
  .sort();

function s3Requests(page: Page): Request[] {
  const seen: Request[] = [];
  const prefix = `http://127.0.0.1:${testS3Port()}/`;
  const note = (request: Request): void => {
    if (request.url().startsWith(prefix)) seen.push(request);
  };
  page.on('request', note);
  return seen;
}

async function statsNumbers(console: ConsolePage): Promise<{ rows: string; read: number; total: number }> {
  const text = (await console.stats.textContent()) ?? '';
  const [, read, total] = /([\d,]+) of ([\d,]+) files read/.exec(text) ?? [];
  return { rows: /([\d,]+) rows?/.exec(text)?.[1] ?? '', read: Number(read?.replaceAll(',', '')), total: Number(total?.replaceAll(',', '')) };
}

test.describe('S3 source', () => {
  test('every library query gives the same result on S3 as on the local folder', async ({ browser }) => {
    test.setTimeout(600_000);
    const local = new ConsolePage(await browser.newPage());
    const s3 = new ConsolePage(await browser.newPage());
    await local.open(E2E_SERVERS.sample.url);
    await s3.open(E2E_SERVERS.s3.url);
    const days = { start: sample.options.endDate, end: sample.options.endDate };
    days.start = new Date(Date.parse(`${sample.options.endDate}T00:00:00Z`) - 2 * 86_400_000).toISOString().slice(0, 10);
    for (const query of LIBRARY) {
      await test.step(query.title, async () => {
        const defs = query.parameters({ clusters: CLUSTERS, today: sample.options.endDate });
        const bound = bindParameters(query.sql, defs, { ...defaultValues(defs), clusters: CLUSTERS.slice(0, 3), days });
        if (!bound.ok) throw new Error(describeParamErrors(bound.errors));
        await local.run(bound.sql);
        await s3.run(bound.sql);
        await expect(s3.error).toHaveCount(0);
        expect((await statsNumbers(s3)).rows).toBe((await statsNumbers(local)).rows);
        expect(await s3.gridContent()).toEqual(await local.gridContent());
      });
    }
  });

  test('a library query opened from the Library runs on S3, reading only its clusters and days', async ({ page }) => {
    const requests = s3Requests(page);
    const console = new ConsolePage(page);
    await console.open(E2E_SERVERS.s3.url);
    requests.length = 0;
    await page.getByRole('button', { name: 'Library' }).click();
    await page.getByRole('button', { name: 'Open Aborted-query rate per cluster and day' }).click();
    const cluster = CLUSTERS[2] ?? '';
    await page.getByRole('form', { name: 'Parameters' }).getByRole('listbox').first().selectOption([cluster]);
    await console.runButton.click();
    await console.waitForOutcome();
    await expect(console.error).toHaveCount(0);
    const shown = await console.gridContent();
    expect(shown.rows.length).toBeGreaterThan(0);
    const gets = requests.filter((request) => request.method() === 'GET');
    expect(gets.length).toBeGreaterThan(0);
    for (const request of gets) expect(decodeURIComponent(new URL(request.url()).pathname)).toContain(`/clusterid=${cluster}/`);
  });

  test('reads straight from S3 with ranged GETs on presigned URLs, only from the matching partitions', async ({ page }) => {
    const requests = s3Requests(page);
    const console = new ConsolePage(page);
    await console.open(E2E_SERVERS.s3.url);
    // Opening reads one footer per schema group of each table; count only the query's reads.
    requests.length = 0;
    const cluster = CLUSTERS[1] ?? '';
    const day = sample.options.endDate;
    await console.run(`SELECT count(*) AS n FROM stl_scan WHERE clusterid = '${cluster}' AND startdate = DATE '${day}'`);
    await expect(console.error).toHaveCount(0);
    const stats = await statsNumbers(console);
    expect(stats.read).toBeGreaterThan(0);
    expect(stats.read).toBeLessThan(stats.total);
    const gets = requests.filter((request) => request.method() === 'GET');
    expect(gets.length).toBeGreaterThan(0);
    for (const request of gets) {
      const url = new URL(request.url());
      expect(decodeURIComponent(url.pathname)).toContain(
        `/${S3_SAMPLE_BUCKET}/extract_redshift_query_logs/data/stl_scan/clusterid=${cluster}/startdate=${day}/`,
      );
      expect(url.searchParams.get('X-Amz-Signature')).toBeTruthy();
      expect(url.searchParams.has('X-Amz-Credential') && url.search.includes('clusterscope-local-secret')).toBe(false);
      expect((await request.allHeaders()).range).toMatch(/^bytes=\d+-\d+$/);
    }
    const readKeys = new Set(gets.map((request) => new URL(request.url()).pathname));
    expect(readKeys.size).toBe(stats.read);
  });

  test('a session outlives its presigned URLs', async ({ page }) => {
    test.setTimeout(120_000);
    const console = new ConsolePage(page);
    await console.open(E2E_SERVERS.s3.url);
    const sql = `SELECT count(*) AS n, sum(rows) AS r FROM stl_scan WHERE clusterid = '${CLUSTERS[0] ?? ''}'`;
    await console.run(sql);
    const before = await console.gridContent();
    // The server signs for 20 s: after 25 s every URL the worker holds has expired.
    await page.waitForTimeout(25_000);
    await console.run(`${sql} AND startdate >= DATE '${sample.startDate}'`);
    await expect(console.error).toHaveCount(0);
    expect((await console.gridContent()).rows).toEqual(before.rows);
  });

  test('new part files and partitions appear after a refresh, and a deleted object is explained', async ({ page }) => {
    const client = testS3Client();
    const source = path.join(TABLE_DIR, 'stl_query', `clusterid=${CLUSTERS[0] ?? ''}`, `startdate=${sample.options.endDate}`);
    const file = readdirSync(source).find((name) => name.endsWith('.parquet')) ?? '';
    const key = `extract_redshift_query_logs/data/stl_query/clusterid=e2e-new-cluster/startdate=${sample.options.endDate}/part-00000-e2e.c000.snappy.parquet`;
    const console = new ConsolePage(page);
    await console.open(E2E_SERVERS.s3.url);
    const count = `SELECT count(*) AS n FROM stl_query WHERE clusterid = 'e2e-new-cluster'`;
    const originalFiles = readdirSync(path.join(TABLE_DIR, 'stl_query'), { recursive: true }).filter((name) => String(name).endsWith('.parquet')).length;
    await console.run(count);
    expect((await console.gridContent()).rows).toEqual([['0']]);

    await client.send(new PutObjectCommand({ Bucket: S3_SAMPLE_BUCKET, Key: key, Body: readFileSync(path.join(source, file)) }));
    try {
      await test.step('refresh picks up the new partition', async () => {
        await page.getByRole('button', { name: 'Refresh catalog' }).click();
        await expect(page.getByRole('status', { name: 'Catalog refresh' })).toContainText('1 new file, 1 new partition');
        await expect(page.getByRole('status', { name: 'Engine status' })).toContainText('Engine ready', { timeout: 120_000 });
        await console.run(count);
        const [[n = '0']] = (await console.gridContent()).rows as [[string]];
        expect(Number(n.replaceAll(',', ''))).toBeGreaterThan(0);
      });
    } finally {
      await client.send(new DeleteObjectCommand({ Bucket: S3_SAMPLE_BUCKET, Key: key }));
    }
    await test.step('the object is deleted behind the catalog', async () => {
      await console.run(`SELECT sum(length(querytxt)) AS n FROM stl_query WHERE clusterid = 'e2e-new-cluster'`);
      await expect(console.error).toContainText('part-00000-e2e.c000.snappy.parquet');
      // The server listed everything again when it found the object gone; the refresh shows it.
      await expect(async () => {
        await page.getByRole('button', { name: 'Refresh catalog' }).click();
        await expect(page.getByRole('treeitem', { name: 'stl_query' }).first()).toContainText(`${originalFiles} files`, { timeout: 5_000 });
      }).toPass({ timeout: 60_000 });
      await expect(page.getByRole('status', { name: 'Engine status' })).toContainText('Engine ready', { timeout: 120_000 });
      await console.run(count);
      expect((await console.gridContent()).rows).toEqual([['0']]);
    });
  });

  test('an S3 source that is down: the console opens, names it, and keeps retrying', async ({ page }) => {
    await page.goto(E2E_SERVERS.s3Down.url);
    await expect(page.getByRole('heading', { name: 'No tables found' })).toBeVisible();
    await expect(page.getByText(`S3 source s3://${S3_SAMPLE_BUCKET}/`).first()).toContainText('is down');
    await expect(page.getByText('Retrying every 10 s').first()).toBeVisible();
    const retried = page.waitForRequest((request) => request.url().endsWith('/api/catalog'), { timeout: 30_000 });
    await retried;
  });
});
