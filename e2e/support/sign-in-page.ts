/** Page object for the sign-in page, from the user's side. */
import { expect, type Locator, type Page } from '@playwright/test';

export class SignInPage {
  readonly page: Page;
  readonly username: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly error: Locator;

  constructor(page: Page) {
    this.page = page;
    this.username = page.getByLabel('Username');
    this.password = page.getByLabel('Password');
    this.submit = page.getByRole('button', { name: 'Sign in' });
    // Inside main: Next's route announcer is an alert too.
    this.error = page.getByRole('main').getByRole('alert');
  }

  /** Fills and submits the form on the page already shown. */
  async signIn(name: string, password: string): Promise<void> {
    await expect(this.submit).toBeVisible();
    await this.username.fill(name);
    await this.password.fill(password);
    await this.submit.click();
  }

  /**
   * Signs out with the user menu and waits for the sign-in page: the menu first forgets a
   * remembered FLE key, so the form is submitted a moment after the click.
   */
  async signOut(): Promise<void> {
    await this.page.getByRole('button', { name: 'Sign out' }).click();
    await expect(this.submit).toBeVisible();
  }

  /** Opens the sign-in page and signs in; waits until the browser has left it. */
  async signInFresh(name: string, password: string, next = '/'): Promise<void> {
    await this.page.goto(`/signin?next=${encodeURIComponent(next)}`);
    await this.signIn(name, password);
    await this.page.waitForURL((url) => url.pathname !== '/signin');
  }
}

/** The demo accounts of the bundled sample (README). */
export const DEMO_PASSWORDS = { admin: 'clusterscope-admin', analyst: 'clusterscope-analyst', viewer: 'clusterscope-viewer' } as const;

/** `test.use(SIGNED_OUT)` gives a spec a fresh browser context with no session. */
export const SIGNED_OUT = { storageState: { cookies: [], origins: [] } };
