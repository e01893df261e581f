import { ConsolePage } from './support/console-page';
import { expectDeepLink } from './support/deep-link';
import { OIDC_ISSUER } from './support/oidc';
import { SIGNED_OUT, SignInPage } from './support/sign-in-page';
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
      expect(await (await page.request.get('/api/auth/me')).json()).toEqual({ name: login, role, provider: 'oidc' });
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
