import { ConsolePage } from './support/console-page';
import { csrfHeader } from './support/csrf';
import { expectDeepLink } from './support/deep-link';
import { OIDC_ISSUER, OIDC_RECHECK_SECONDS, OIDC_TEST_ADMIN } from './support/oidc';
import { DEMO_PASSWORDS, SIGNED_OUT, SignInPage } from './support/sign-in-page';
import { expect, test } from './support/test';

test.use(SIGNED_OUT);

/** Signs in at the test OpenID Provider's own login page, starting from `path` in ClusterScope. */
async function ssoSignIn(page: import('@playwright/test').Page, login: string, path = '/'): Promise<void> {
  // A fresh provider session each time: the provider shares the host 127.0.0.1 (cookies ignore ports) and would
  // otherwise sign the previous user straight back in.
  await page.context().clearCookies();
  await page.goto(path);
  await page.getByRole('link', { name: 'Sign in with Test IdP' }).click();
  await expect(page).toHaveURL(new RegExp(`^${OIDC_ISSUER}/interaction/`));
  await page.getByLabel('Login').fill(login);
  await page.getByRole('button', { name: 'Continue to ClusterScope' }).click();
}

test('single sign-on maps the groups claim to roles and returns to the deep link', async ({ page }) => {
  const cases = [
    { login: 'alice', role: 'admin', usersApi: 200 },
    { login: 'bob', role: 'analyst', usersApi: 403 },
    { login: 'carol', role: 'viewer', usersApi: 403 },
  ];
  const sql = "SELECT 'sso' AS via";
  const deepLink = `/?sql=${encodeURIComponent(sql)}&run=1`;
  for (const { login, role, usersApi } of cases) {
    await test.step(`${login} signs in as ${role}`, async () => {
      await ssoSignIn(page, login, deepLink);
      await expectDeepLink(page, sql);
      expect(await (await page.request.get('/api/auth/me')).json()).toEqual({
        id: expect.stringMatching(new RegExp(`^oidc:[\\w-]+\\|${login}$`)),
        name: login,
        role,
        provider: 'oidc',
      });
      expect((await page.request.get('/api/users')).status()).toBe(usersApi);
      expect((await new ConsolePage(page).gridContent()).rows).toEqual([['sso']]);
      await page.getByRole('button', { name: 'Sign out' }).click();
      await expect(new SignInPage(page).submit).toBeVisible();
    });
  }
});

test('a user without a mapped group is refused with a message', async ({ page }) => {
  await ssoSignIn(page, 'mallory');
  await expect(page).toHaveURL(/\/signin\?error=oidc-role$/);
  await expect(new SignInPage(page).error).toHaveText('Your account has no ClusterScope role. Ask your administrator for access.');
  expect((await page.request.get('/api/auth/me')).status()).toBe(401);
});

test('a callback that was not started here is refused', async ({ page }) => {
  await page.goto('/api/auth/oidc/callback?code=forged&state=forged');
  await expect(page).toHaveURL(/\/signin\?error=oidc$/);
  await expect(new SignInPage(page).error).toHaveText('Single sign-on failed. Try again, or ask your administrator.');
});

interface Me {
  id: string;
  name: string;
  role: string;
  provider: string;
}

async function me(page: import('@playwright/test').Page): Promise<Me | number> {
  const response = await page.request.get('/api/auth/me');
  return response.ok() ? ((await response.json()) as Me) : response.status();
}

test('a provider user named "admin" is not the local admin, and an unverified e-mail is not a name', async ({ page, browser, baseURL }) => {
  const local = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  let linkId = '';
  try {
    await test.step('the demo admin shares a link', async () => {
      const adminPage = await local.newPage();
      await new SignInPage(adminPage).signInFresh('admin', DEMO_PASSWORDS.admin);
      const state = { v: 1, title: 'admin link', sql: 'select 1', params: {}, paramDefs: [], view: 'table' };
      const created = await adminPage.request.post('/api/links', { data: { state }, headers: await csrfHeader(adminPage.request) });
      expect(created.status()).toBe(201);
      linkId = ((await created.json()) as { id: string; createdBy: string }).id;
    });
    await test.step('"admin" at the provider signs in as a viewer under their own key, and cannot revoke the local admin\'s link', async () => {
      await ssoSignIn(page, 'admin');
      const revoke = await page.request.delete(`/api/links/${linkId}`, { headers: await csrfHeader(page.request) });
      expect(revoke.status()).toBe(403);
      expect((await page.request.get(`/api/links/${linkId}`)).status()).toBe(200);
      expect(await me(page)).toEqual({ id: expect.stringMatching(/^oidc:[\w-]+\|admin$/), name: 'admin', role: 'viewer', provider: 'oidc' });
      await page.goto('/');
      await expect(page.getByLabel('Signed in as')).toHaveText('admin (viewer, single sign-on)');
    });
  } finally {
    await local.close();
  }
  await test.step('erin has no user name and an unverified e-mail: her name is her subject, never the e-mail', async () => {
    await ssoSignIn(page, 'erin');
    expect(await me(page)).toMatchObject({ name: 'erin', role: 'viewer' });
  });
});

test('a role change at the provider applies within the re-check interval, and a refusal ends the session', async ({ page }) => {
  const deadline = { timeout: OIDC_RECHECK_SECONDS * 1000 + 10_000, intervals: [500] };
  // frank has no refresh token (re-checked through userinfo), grace has one (re-checked by refreshing).
  for (const login of ['frank', 'grace']) {
    await test.step(`${login}: analyst, then viewer, then removed at the provider`, async () => {
      await ssoSignIn(page, login);
      expect(await me(page)).toMatchObject({ name: login, role: 'analyst' });
      const demoted = await page.request.put(OIDC_TEST_ADMIN.account(login), { data: { groups: ['cs-viewers'] } });
      expect(demoted.status()).toBe(200);
      await expect.poll(async () => ((await me(page)) as Me).role, deadline).toBe('viewer');
      expect(
        (await page.request.post('/api/queries', { data: { name: 'after demotion', sql: 'select 1' }, headers: await csrfHeader(page.request) })).status(),
      ).toBe(403);
      expect((await page.request.delete(OIDC_TEST_ADMIN.account(login))).status()).toBe(200);
      await expect.poll(() => me(page), deadline).toBe(401);
      await page.goto('/');
      await expect(page).toHaveURL(/\/signin/);
    });
  }
});

test("the provider's tokens never reach the browser, and sign-out ends the session and revokes them", async ({ page }) => {
  const captures: Promise<string>[] = [];
  page.on('response', (response) => {
    captures.push(
      (async () => {
        const type = response.headers()['content-type'] ?? '';
        const text = /json|text|javascript|html/.test(type) ? await response.text().catch(() => '') : '';
        return `${response.url()} ${JSON.stringify(await response.allHeaders())} ${text}`;
      })().catch(() => ''),
    );
  });
  await ssoSignIn(page, 'bob');
  expect(await me(page)).toMatchObject({ name: 'bob', role: 'analyst' });
  // Past the re-check interval, so a refreshed pair of tokens is in play too.
  await page.waitForTimeout(OIDC_RECHECK_SECONDS * 1000 + 500);
  await page.goto('/');
  expect(await me(page)).toMatchObject({ name: 'bob', role: 'analyst' });
  const before = (await (await page.request.get(OIDC_TEST_ADMIN.tokens('bob'))).json()) as { issued: string[]; active: string[] };
  expect(before.issued.length).toBeGreaterThanOrEqual(3);
  expect(before.active.length).toBeGreaterThan(0);
  const appResponses = (await Promise.all(captures)).filter((line) => !line.startsWith(OIDC_ISSUER));
  expect(appResponses.length).toBeGreaterThan(3);
  for (const token of before.issued) expect(appResponses.join('\n')).not.toContain(token);

  const cookies = await page.context().cookies();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(new SignInPage(page).submit).toBeVisible();
  const after = (await (await page.request.get(OIDC_TEST_ADMIN.tokens('bob'))).json()) as { issued: string[]; active: string[] };
  expect(after.active).toEqual([]);
  // The old cookie is dead on the server, not just deleted in this browser.
  await page.context().addCookies(cookies);
  expect(await me(page)).toBe(401);
});
