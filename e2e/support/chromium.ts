/**
 * How the tests and the benchmark launch Chromium: Debian's system browser
 * (never a downloaded one) with the same arguments.
 */

/** The browser binary; CHROMIUM_PATH overrides Debian's. */
export const CHROMIUM_EXECUTABLE = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Launch arguments shared by `playwright.config.ts` and `npm run bench`. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
