/**
 * FLE decryption as an admin, in real Chromium against the production build:
 * key checks, reveal, column decryption of both suites against what the
 * generator encrypted, per-cell failures on tampered values, the audit log,
 * and a capture of every request proving no key material or plaintext left
 * the tab; and how long a key remembered on this device lives.
 */
import { createPrivateKey } from 'node:crypto';
import { expect, test, type Page } from './support/test';
import { generateRsaKeyPair } from '../lib/fle/testing/vectors';
import { expectedPlaintext } from '../lib/sample/lookup';
import { readMarker } from '../lib/sample/marker';
import { ConsolePage } from './support/console-page';
import { DEMO_PEM, FlePage } from './support/fle-page';
import { E2E_ADMIN, SAMPLE_ROOT } from './support/servers';
import { SignInPage, SIGNED_OUT } from './support/sign-in-page';

interface Captured {
  url: string;
  headers: string;
  body: string;
}

const marker = readMarker(SAMPLE_ROOT);
/** Pieces of the key's base64 body: any of them in a request would be a leak. */
const KEY_PIECES = DEMO_PEM.split('\n').filter((line) => /^[A-Za-z0-9+/=]{40,}$/.test(line));

const CLUSTERS = ['prod-analytics-use1', 'prod-etl-use1'];
const BOTH_SUITES_SQL =
  CLUSTERS.map((cluster) => `(SELECT clusterid, query, querytxt FROM stl_query WHERE clusterid = '${cluster}' ORDER BY query LIMIT 3)`).join(' UNION ALL ') +
  ' ORDER BY clusterid, query';

// Row 2 loses its tail and row 3 gets one base64 character changed near the end (the authentication tag).
const TAMPERED_SQL = `SELECT query, CASE row_number() OVER (ORDER BY query)
    WHEN 2 THEN substr(querytxt, 1, 300)
    WHEN 3 THEN substr(rtrim(querytxt), 1, length(rtrim(querytxt)) - 8) || CASE WHEN substr(rtrim(querytxt), length(rtrim(querytxt)) - 7, 1) = 'A' THEN 'B' ELSE 'A' END || substr(rtrim(querytxt), length(rtrim(querytxt)) - 6)
    ELSE querytxt END AS querytxt
  FROM stl_query WHERE clusterid = 'staging-usw2' ORDER BY query LIMIT 4`;

test('an admin loads the demo key, reveals a cell and decrypts columns; no key or plaintext leaves the tab', async ({ page }) => {
  test.setTimeout(240_000);
  expect(marker?.encrypted).toBe(true);
  const options = marker?.options ?? {};
  const captured: Captured[] = [];
  /** Every plaintext the tab showed. */
  const plaintexts = new Set<string>();
  page.on('request', (request) => {
    captured.push({ url: request.url(), headers: JSON.stringify(request.headers()), body: request.postData() ?? '' });
  });
  const consolePage = new ConsolePage(page);
  const fle = new FlePage(page);
  await consolePage.open();
  await fle.openPanel();
  await expect(fle.panel.getByRole('region', { name: 'FLE profiles' })).toContainText('ClusterScopeDemo / DemoPublicKey');
  await expect(fle.panel.getByRole('region', { name: 'FLE profiles' })).toContainText('stl_query.querytxt');

  await test.step('wrong and malformed keys are refused with their messages', async () => {
    const pkcs1 = createPrivateKey(DEMO_PEM).export({ type: 'pkcs1', format: 'pem' }).toString();
    await fle.loadKeyFile(pkcs1);
    await expect(fle.keyError).toContainText('openssl pkcs8 -topk8 -nocrypt');
    await fle.loadKeyFile(generateRsaKeyPair().privateKeyPem);
    await expect(fle.keyError).toContainText('does not match the configured public key. Expected fingerprint');
    await fle.loadKeyFile('this is not a key');
    await expect(fle.keyError).toContainText('not a PEM private key');
    await expect(fle.keyStatus).toHaveCount(0);
  });

  await test.step('the demo key loads', async () => {
    await fle.loadKeyFile(DEMO_PEM, 'demo-private-key.pem');
    await expect(fle.keyStatus).toContainText('Key loaded for ClusterScopeDemo / DemoPublicKey');
    await fle.closePanel();
  });

  await test.step('reveal one cell, then decrypt the column for both suites', async () => {
    await consolePage.run(BOTH_SUITES_SQL);
    const grid = consolePage.grid;
    await expect(page.getByRole('group', { name: 'Encrypted columns' })).toContainText('Encrypted: querytxt');
    const before = await consolePage.gridContent();
    const keys = before.rows.map((row) => ({ cluster: row[0] ?? '', query: Number(row[1]) }));
    const expected = keys.map((key) => expectedPlaintext(options, key.cluster, { table: 'stl_query', query: key.query }));
    expect(expected.every((text) => typeof text === 'string' && text.length > 0)).toBe(true);
    await expect(grid.getByRole('img', { name: 'Encrypted' })).toHaveCount(6);

    await grid.getByRole('button', { name: 'Reveal querytxt, row 1' }).click();
    await expect.poll(async () => (await fle.columnTexts(grid, 2))[0]).toBe(expected[0]);
    await expect(grid.getByRole('img', { name: 'Encrypted' })).toHaveCount(5);

    await page.getByRole('button', { name: 'Decrypt querytxt: all rows' }).click();
    await expect(grid.getByRole('img', { name: 'Encrypted' })).toHaveCount(0);
    expect(await fle.columnTexts(grid, 2)).toEqual(expected);
    for (const text of expected) if (text) plaintexts.add(text);

    // By explicit choice, the tab's chart draws the decrypted values.
    const texts = expected.filter((text): text is string => typeof text === 'string');
    const views = page.getByRole('group', { name: 'Results view' });
    await views.getByRole('button', { name: 'Chart' }).click();
    const settings = page.getByRole('form', { name: 'Chart settings' });
    await settings.getByRole('combobox', { name: 'Chart type', exact: true }).selectOption('table');
    await settings.getByRole('combobox', { name: 'X', exact: true }).selectOption('querytxt');
    const table = page.getByRole('table', { name: 'Table chart' });
    await expect(table).toBeVisible();
    await expect(table).not.toContainText(texts[0] ?? '');
    await page.getByRole('checkbox', { name: 'Chart decrypted values (this tab only)' }).check();
    await expect(page.getByRole('status', { name: 'Decrypted values in the chart' })).toContainText('Drawing 6 decrypted of 6 protected values');
    for (const text of texts) await expect(table).toContainText(text);
    await views.getByRole('button', { name: 'Table' }).click();
    await expect(consolePage.grid.getByRole('img', { name: 'Encrypted' })).toHaveCount(0);
  });

  await test.step('tampered values fail per cell while the others decrypt', async () => {
    await consolePage.run(TAMPERED_SQL);
    const grid = consolePage.grid;
    const keys = (await consolePage.gridContent()).rows.map((row) => Number(row[0]));
    await page.getByRole('button', { name: 'Decrypt querytxt: visible rows' }).click();
    await expect(grid.getByRole('img', { name: 'Encrypted' })).toHaveCount(0);
    const texts = await fle.columnTexts(grid, 1);
    expect(texts[0]).toBe(expectedPlaintext(options, 'staging-usw2', { table: 'stl_query', query: keys[0] ?? 0 }));
    expect(texts[1]).toContain('damaged value');
    expect(texts[2]).toContain('damaged value');
    expect(texts[3]).toBe(expectedPlaintext(options, 'staging-usw2', { table: 'stl_query', query: keys[3] ?? 0 }));
    plaintexts.add(texts[0] ?? '').add(texts[3] ?? '');
  });

  await test.step('the audit log shows the actions, without values', async () => {
    await fle.openPanel();
    const audit = fle.panel.getByRole('region', { name: 'Audit log' });
    await audit.getByRole('button', { name: 'Refresh' }).click();
    await expect(audit).toContainText('decrypt-column');
    await expect(audit).toContainText('reveal');
    await expect(audit).toContainText('key-loaded');
  });

  await test.step('no request carried the key or any plaintext', async () => {
    expect(plaintexts.size).toBeGreaterThanOrEqual(6);
    const audit = await (await page.request.get('/api/audit?limit=100')).text();
    expect(captured.length).toBeGreaterThan(10);
    for (const request of captured) {
      const all = `${request.url}\n${request.headers}\n${request.body}`;
      expect(all).not.toContain('PRIVATE KEY');
      for (const piece of KEY_PIECES) expect(all).not.toContain(piece);
      for (const text of plaintexts) expect(all, request.url).not.toContain(text);
    }
    for (const text of plaintexts) expect(audit).not.toContain(text);
  });
});

/** The remembered-key record in IndexedDB as plain data (the key handle as a word), or null. */
async function storedKeyRecord(page: Page): Promise<Record<string, unknown> | null> {
  return page.evaluate(
    () =>
      new Promise<Record<string, unknown> | null>((resolve, reject) => {
        const open = indexedDB.open('clusterscope-fle', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('keys');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction('keys').objectStore('keys').get('private-key');
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            db.close();
            const value = request.result as Record<string, unknown> | undefined;
            resolve(value ? { ...value, key: value.key instanceof CryptoKey ? 'CryptoKey' : null } : null);
          };
        };
      }),
  );
}

test.describe('a key remembered on this device', () => {
  // A session of its own: signing out must not end the shared admin session of the other specs.
  test.use(SIGNED_OUT);

  test('is bound to the session, forgotten on sign-out, and the idle lock needs the key file again', async ({ page }) => {
    test.setTimeout(240_000);
    // A controllable clock, so the 15-minute idle lock can be reached; time still flows on its own.
    await page.clock.install();
    const consolePage = new ConsolePage(page);
    const fle = new FlePage(page);
    const signIn = new SignInPage(page);
    const unlock = fle.panel.getByRole('button', { name: 'Unlock remembered key' });
    const rememberAndLoad = async (): Promise<void> => {
      if (!(await fle.panel.isVisible())) await fle.openPanel();
      await fle.panel.getByRole('checkbox', { name: 'Remember on this device' }).check();
      await fle.loadKeyFile(DEMO_PEM, 'demo-private-key.pem');
      await expect(fle.keyStatus).toContainText('remembered on this device until you sign out (at most 8 hours)');
    };

    await test.step('remembered: a reload unlocks it with one click, within the same session', async () => {
      await signIn.signInFresh(E2E_ADMIN.name, E2E_ADMIN.password);
      await consolePage.open();
      await rememberAndLoad();
      expect(await storedKeyRecord(page)).toMatchObject({ format: 2, user: E2E_ADMIN.name, role: 'admin', key: 'CryptoKey' });
      await consolePage.open();
      await fle.openPanel();
      await unlock.click();
      await expect(fle.keyStatus).toContainText('Key loaded for ClusterScopeDemo / DemoPublicKey');
    });

    await test.step('signing out deletes it; signing back in finds no remembered key', async () => {
      await page.getByRole('button', { name: 'Sign out' }).click();
      await expect(signIn.submit).toBeVisible();
      expect(await storedKeyRecord(page)).toBeNull();
      await signIn.signInFresh(E2E_ADMIN.name, E2E_ADMIN.password);
      await consolePage.open();
      await fle.openPanel();
      await expect(fle.panel.getByRole('button', { name: 'Load key' })).toBeVisible();
      await expect(unlock).toHaveCount(0);
    });

    await test.step('a session that ended without the sign-out button does not unlock it either', async () => {
      await rememberAndLoad();
      await page.context().clearCookies();
      await signIn.signInFresh(E2E_ADMIN.name, E2E_ADMIN.password);
      await consolePage.open();
      await fle.openPanel();
      await expect(fle.panel.getByRole('button', { name: 'Load key' })).toBeVisible();
      await expect(unlock).toHaveCount(0);
      await expect.poll(() => storedKeyRecord(page)).toBeNull();
    });

    await test.step('the idle lock drops the key and forgets the remembered one', async () => {
      await rememberAndLoad();
      await page.clock.fastForward('16:00');
      await expect(fle.keyStatus).toHaveCount(0);
      await expect(fle.panel.getByRole('button', { name: 'Load key' })).toBeVisible();
      await expect(unlock).toHaveCount(0);
      await expect.poll(() => storedKeyRecord(page)).toBeNull();
    });
  });
});
