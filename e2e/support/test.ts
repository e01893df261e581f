/**
 * The `test` every spec imports (instead of `@playwright/test`'s): each test runs
 * signed in (the setup project's storage state) and fails on any CSP violation or
 * uncaught page error in any page of its browser context. DuckDB's worker reports a
 * blocked script only as an error, so page errors count as much as violations.
 * A spec that provokes page errors on purpose sets `test.use({ allowPageErrors: true })`.
 */
import { test as base, expect, type BrowserContext } from '@playwright/test';

export { expect };
export type { Locator, Page } from '@playwright/test';

interface Violation {
  directive: string;
  blockedURI: string;
  sourceFile: string;
  url: string;
}

interface SecurityWatch {
  violations: Violation[];
  pageErrors: string[];
}

async function watch(context: BrowserContext): Promise<SecurityWatch> {
  const found: SecurityWatch = { violations: [], pageErrors: [] };
  await context.exposeBinding('__clusterscopeCspViolation', ({ page }, violation: Omit<Violation, 'url'>) => {
    found.violations.push({ ...violation, url: page.url() });
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __clusterscopeCspViolation?: (violation: object) => void }).__clusterscopeCspViolation;
      report?.({ directive: event.violatedDirective, blockedURI: event.blockedURI, sourceFile: event.sourceFile });
    });
  });
  context.on('weberror', (error) => found.pageErrors.push(String(error.error())));
  context.on('console', (message) => {
    // Chromium logs violations in workers only to the console.
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
      found.violations.push({ directive: 'console', blockedURI: '', sourceFile: '', url: message.text() });
    }
  });
  return found;
}

export const test = base.extend<{ allowPageErrors: boolean; securityWatch: SecurityWatch }>({
  allowPageErrors: [false, { option: true }],
  securityWatch: [
    async ({ context, allowPageErrors }, use) => {
      const found = await watch(context);
      await use(found);
      expect(found.violations, 'CSP violations during the test').toEqual([]);
      if (!allowPageErrors) expect(found.pageErrors, 'uncaught page errors during the test').toEqual([]);
    },
    { auto: true },
  ],
});
