/**
 * Every page and API needs a session, and the fleet dataset is not the bundled
 * sample (which alone has demo accounts), so the benchmark adds its own viewer
 * to the run's fresh metadata store and signs in once per browser.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContextOptions } from '@playwright/test';

/** The run's viewer account: the lowest role that runs queries and opens dashboards. */
export interface BenchUser {
  name: string;
  password: string;
}

/** Adds an account (a viewer unless said otherwise) with a random password to the store at `db` through the real `npm run user` CLI. */
export function addBenchUser(db: string, role: 'viewer' | 'admin' = 'viewer'): BenchUser {
  const user = { name: 'bench', password: randomBytes(18).toString('base64url') };
  const added = spawnSync(process.execPath, ['--import', 'tsx', 'lib/auth/cli.ts', 'add', user.name, '--role', role], {
    input: `${user.password}\n`,
    env: { ...process.env, CLUSTERSCOPE_DB: db },
    encoding: 'utf8',
  });
  if (added.status !== 0) throw new Error(`could not add the bench user: ${added.stderr || added.stdout}`);
  return user;
}

/** Signs in through the real sign-in form handler; the cookies to open every later context with. */
export async function signedInState(browser: Browser, baseUrl: string, user: BenchUser): Promise<BrowserContextOptions['storageState']> {
  const context = await browser.newContext();
  try {
    const answer = await context.request.post(`${baseUrl}/api/auth/signin`, {
      form: { username: user.name, password: user.password, next: '/' },
      headers: { Origin: baseUrl },
      maxRedirects: 0,
    });
    const location = answer.headers()['location'] ?? '';
    if (answer.status() !== 303 || location.includes('/signin')) throw new Error(`the bench user could not sign in (${answer.status()} to ${location})`);
    return await context.storageState();
  } finally {
    await context.close();
  }
}
