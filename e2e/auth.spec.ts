import Database from 'better-sqlite3';
import type { APIRequestContext, BrowserContext } from '@playwright/test';
import { ConsolePage } from './support/console-page';
import { expectDeepLink } from './support/deep-link';
import { E2E_DB } from './support/servers';
import { DEMO_PASSWORDS, SIGNED_OUT, SignInPage } from './support/sign-in-page';
import { expect, test } from './support/test';

async function cookie(context: BrowserContext, name: string): Promise<string> {
  const found = (await context.cookies()).find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no ${name} cookie`);
  return found.value;
}

async function status(request: APIRequestContext, path: string): Promise<number> {
  return (await request.get(path)).status();
}

test.describe('signed out', () => {
  test.use(SIGNED_OUT);

  test('a deep link survives sign-in', async ({ page }) => {
    const signIn = new SignInPage(page);
    const deepLink = `/?sql=${encodeURIComponent('SELECT 42 AS answer')}&run=1`;
    await test.step('the deep link leads to the sign-in page, and the API refuses', async () => {
      await page.goto(deepLink);
      await expect(page).toHaveURL(/\/signin\?next=/);
      await expect(page.getByRole('textbox', { name: 'Username' })).toBeVisible();
      expect(await status(page.request, '/api/catalog')).toBe(401);
    });
    await test.step('a wrong password is refused with a message', async () => {
      await signIn.signIn('analyst', 'not the password');
      await expect(signIn.error).toHaveText('Wrong username or password.');
    });
    await test.step('signing in returns to the deep link, which runs', async () => {
      await signIn.signIn('analyst', DEMO_PASSWORDS.analyst);
      await expectDeepLink(page, 'SELECT 42 AS answer');
      const console = new ConsolePage(page);
      expect((await console.gridContent()).rows).toEqual([['42']]);
      await expect(page.getByLabel('Signed in as')).toContainText('analyst');
    });
  });

  test('sign-in never redirects off the site', async ({ page }) => {
    await page.goto(`/signin?next=${encodeURIComponent('//evil.example/x')}`);
    await new SignInPage(page).signIn('viewer', DEMO_PASSWORDS.viewer);
    await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  test('a forged or expired session cookie is refused', async ({ page, context, baseURL }) => {
    await test.step('forged', async () => {
      await context.addCookies([{ name: 'cs_session', value: 'A'.repeat(43), url: baseURL ?? '' }]);
      await page.goto('/');
      await expect(page).toHaveURL(/\/signin$/);
      expect(await status(page.request, '/api/queries')).toBe(401);
    });
    await test.step('expired', async () => {
      await new SignInPage(page).signInFresh('viewer', DEMO_PASSWORDS.viewer);
      expect(await status(page.request, '/api/queries')).toBe(200);
      // Age every session of this user in the store the servers share.
      const db = new Database(E2E_DB);
      try {
        db.prepare("UPDATE sessions SET expires_at = '2000-01-01T00:00:00.000Z' WHERE user_name = 'viewer'").run();
      } finally {
        db.close();
      }
      expect(await status(page.request, '/api/queries')).toBe(401);
      await page.goto('/');
      await expect(page).toHaveURL(/\/signin$/);
    });
  });

  test('sign out ends the session on the server', async ({ page, context, playwright, baseURL }) => {
    const signIn = new SignInPage(page);
    await signIn.signInFresh('analyst', DEMO_PASSWORDS.analyst);
    const token = await cookie(context, 'cs_session');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(signIn.submit).toBeVisible();
    // The old cookie, replayed by another client, no longer opens anything.
    const replay = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Cookie: `cs_session=${token}` } });
    try {
      expect(await status(replay, '/api/queries')).toBe(401);
    } finally {
      await replay.dispose();
    }
  });

  test('viewers and analysts see only their controls, cannot decrypt, and get 403 from admin APIs', async ({ page }) => {
    const signIn = new SignInPage(page);
    const console = new ConsolePage(page);
    await test.step('viewer: no Save, and no saving through the API', async () => {
      await signIn.signInFresh('viewer', DEMO_PASSWORDS.viewer);
      await console.open();
      await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeVisible();
      await expect(page.getByRole('button', { name: 'Save', exact: true })).toHaveCount(0);
      expect(await status(page.request, '/api/users')).toBe(403);
      const csrf = await cookie(page.context(), 'cs_csrf');
      const save = await page.request.post('/api/queries', { data: { name: 'x', sql: 'select 1' }, headers: { 'x-csrf-token': csrf } });
      expect(save.status()).toBe(403);
      expect(await save.json()).toEqual({ error: 'this needs the analyst role; viewer is signed in as viewer' });
      await signIn.signOut();
    });
    await test.step('analyst: Save, but no user management', async () => {
      await signIn.signInFresh('analyst', DEMO_PASSWORDS.analyst);
      await console.open();
      await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeVisible();
      expect(await status(page.request, '/api/users')).toBe(403);
      await signIn.signOut();
    });
    for (const role of ['viewer', 'analyst'] as const) {
      await test.step(`${role}: protected cells stay locked, with no way to load a key or decrypt`, async () => {
        await signIn.signInFresh(role, DEMO_PASSWORDS[role]);
        await console.open();
        await console.run('SELECT clusterid, query, querytxt FROM stl_query ORDER BY clusterid, query LIMIT 5');
        await expect(page.getByRole('grid', { name: 'Results' }).getByRole('img', { name: 'Encrypted' })).toHaveCount(5);
        await expect(page.getByRole('button', { name: 'Field-level encryption' })).toHaveCount(0);
        await expect(page.getByRole('button', { name: /^(Reveal|Decrypt)\b/ })).toHaveCount(0);
        await expect(page.getByLabel('Private key')).toHaveCount(0);
        for (const path of ['/api/audit', '/api/fle/profiles']) expect(await status(page.request, path)).toBe(403);
        const csrf = await cookie(page.context(), 'cs_csrf');
        const audit = await page.request.post('/api/audit', {
          data: { action: 'reveal', phase: 'start', runId: 'abcd-1234-efgh', source: null, table: 'stl_query', column: 'querytxt', rowCount: 1 },
          headers: { 'x-csrf-token': csrf },
        });
        expect(audit.status()).toBe(403);
        await signIn.signOut();
      });
    }
  });
});

test('a state-changing request without the CSRF token is refused', async ({ page, context }) => {
  await page.goto('/');
  const body = { name: 'CSRF probe', sql: 'select 1' };
  const refused = await page.request.post('/api/queries', { data: body });
  expect(refused.status()).toBe(403);
  expect(await refused.json()).toEqual({ error: 'the CSRF token is missing (send the x-csrf-token header)' });
  const wrong = await page.request.post('/api/queries', { data: body, headers: { 'x-csrf-token': 'B'.repeat(43) } });
  expect(wrong.status()).toBe(403);
  const crossSite = await page.request.post('/api/queries', {
    data: body,
    headers: { 'x-csrf-token': await cookie(context, 'cs_csrf'), origin: 'https://evil.example' },
  });
  expect(crossSite.status()).toBe(403);
  const accepted = await page.request.post('/api/queries', { data: body, headers: { 'x-csrf-token': await cookie(context, 'cs_csrf') } });
  expect(accepted.status()).toBe(201);
  expect(await accepted.json()).toMatchObject({ name: 'CSRF probe', createdBy: 'e2e-admin' });
});

test('an admin manages local accounts, and a new account can sign in with its role', async ({ page, context, browser, baseURL }) => {
  await page.goto('/');
  const headers = { 'x-csrf-token': await cookie(context, 'cs_csrf') };
  const created = await page.request.post('/api/users', { data: { name: 'e2e-viewer', role: 'viewer', password: 'viewer-password-1' }, headers });
  expect(created.status()).toBe(201);
  const weak = await page.request.post('/api/users', { data: { name: 'weak', role: 'viewer', password: 'short' }, headers });
  expect(weak.status()).toBe(400);
  expect((await weak.json()) as unknown).toMatchObject({ error: 'invalid user: password: the password must be at least 12 characters' });
  const listed = (await (await page.request.get('/api/users')).json()) as { items: { name: string; role: string }[] };
  expect(listed.items.map(({ name, role }) => ({ name, role }))).toContainEqual({ name: 'e2e-viewer', role: 'viewer' });
  expect(JSON.stringify(listed)).not.toContain('argon2');

  const other = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  try {
    const otherPage = await other.newPage();
    await new SignInPage(otherPage).signInFresh('e2e-viewer', 'viewer-password-1');
    expect(await status(otherPage.request, '/api/auth/me')).toBe(200);
    expect(await (await otherPage.request.get('/api/auth/me')).json()).toEqual({ id: 'e2e-viewer', name: 'e2e-viewer', role: 'viewer', provider: 'local' });
    // Deleting the account ends its session at once.
    expect((await page.request.delete('/api/users/e2e-viewer', { headers })).status()).toBe(204);
    expect(await status(otherPage.request, '/api/auth/me')).toBe(401);
  } finally {
    await other.close();
  }
});
