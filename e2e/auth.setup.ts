import { test as setup, expect } from '@playwright/test';
import { SignInPage } from './support/sign-in-page';
import { E2E_ADMIN } from './support/servers';
import { ADMIN_STATE } from './support/storage-state';

setup('sign in as the e2e admin for every spec', async ({ page }) => {
  const signIn = new SignInPage(page);
  await page.goto('/');
  await expect(page).toHaveURL(/\/signin$/);
  await signIn.signIn(E2E_ADMIN.name, E2E_ADMIN.password);
  await expect(page.getByLabel('Signed in as')).toContainText(E2E_ADMIN.name);
  await page.context().storageState({ path: ADMIN_STATE });
});
