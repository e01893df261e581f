/**
 * `npm run test:security`: scripted attacks against the production build.
 * Starts `next start` on the bundled sample with a fresh metadata store, creates
 * one local account per role, runs every attack group (e2e/security/attacks),
 * prints the table and the number of distinct bad inputs, and stops the server
 * whatever happens. Exits 1 when any attack was not answered as expected.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addUser } from '../../lib/auth/users';
import { closeStore, getStore } from '../../lib/store/server';
import { groups } from './attacks';
import { setCookieValue, signInRequest } from './support';
import type { AttackContext, AttackOutcome, Role, Session } from './types';

const ROOT = path.resolve(__dirname, '../..');
const PORT = Number(process.env.SECURITY_PORT ?? 3390);
const BASE_URL = `http://127.0.0.1:${PORT}`;
const SAMPLE = 'data/sample';
const ROLES: readonly Role[] = ['viewer', 'analyst', 'admin'];
/** The accounts the suite signs in with; the password is random for each run. */
const PASSWORD = `security-suite-${Math.random().toString(36).slice(2)}-passphrase`;
const accountOf = (role: Role): string => `sec-${role}`;

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status})`);
}

function ensureBuildAndSample(): void {
  if (!existsSync(path.join(ROOT, SAMPLE, 'sample.json'))) {
    const shared = '/work/main/data/sample';
    if (existsSync(path.join(shared, 'sample.json')) && !existsSync(path.join(ROOT, SAMPLE))) run('cp', ['-al', shared, path.join(ROOT, SAMPLE)]);
    else run('node_modules/.bin/tsx', ['lib/sample/cli.ts', '--if-missing', '--out', SAMPLE]);
  }
  if (!existsSync(path.join(ROOT, '.next', 'BUILD_ID'))) run('npm', ['run', 'build']);
}

async function createAccounts(dbPath: string): Promise<void> {
  process.env.CLUSTERSCOPE_DB = dbPath;
  const store = getStore();
  for (const role of ROLES) await addUser(store, accountOf(role), role, PASSWORD);
  await closeStore();
}

function startServer(dbPath: string): ChildProcess {
  const child = spawn('node_modules/.bin/next', ['start', '-p', String(PORT), '-H', '127.0.0.1'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', CLUSTERSCOPE_SOURCE: SAMPLE, CLUSTERSCOPE_DB: dbPath, NODE_ENV: 'production' },
  });
  // The server's own log (refusals, error ids) is kept for a failure report, not printed.
  const log: string[] = [];
  const keep = (chunk: Buffer): void => {
    log.push(chunk.toString('utf8'));
    if (log.length > 400) log.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  (child as ChildProcess & { log?: string[] }).log = log;
  return child;
}

function stopServer(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null) return;
  try {
    // The whole process group: `next start` runs its server in a child process.
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // Already gone.
  }
}

async function waitUntilUp(child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${BASE_URL}/signin`);
      await response.body?.cancel();
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the server did not answer on ${BASE_URL} within 60 s`);
}

async function signIn(role: Role): Promise<Session> {
  const response = await signInRequest(BASE_URL, { username: accountOf(role), password: PASSWORD, next: '/' });
  const session = setCookieValue(response, 'cs_session');
  const csrf = setCookieValue(response, 'cs_csrf');
  if (response.status !== 303 || !session || !csrf)
    throw new Error(`signing in as ${accountOf(role)} answered ${response.status} ${response.headers.get('location') ?? ''}`);
  return { cookie: `cs_session=${session}; cs_csrf=${csrf}`, csrf: decodeURIComponent(csrf) };
}

function cell(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ');
  return (flat.length > width ? `${flat.slice(0, width - 1)}…` : flat).padEnd(width);
}

function printTable(rows: readonly (AttackOutcome & { group: string })[]): void {
  const widths = [64, 34, 34];
  const line = `| ${cell('attack', widths[0]!)} | ${cell('expected', widths[1]!)} | ${cell('received', widths[2]!)} | ok |`;
  console.log(line);
  console.log(`|${'-'.repeat(widths[0]! + 2)}|${'-'.repeat(widths[1]! + 2)}|${'-'.repeat(widths[2]! + 2)}|----|`);
  for (const row of rows) {
    console.log(
      `| ${cell(`${row.group}: ${row.attack}`, widths[0]!)} | ${cell(row.expected, widths[1]!)} | ${cell(row.received, widths[2]!)} | ${row.passed ? 'ok' : 'NO'} |`,
    );
  }
}

function markdownTable(rows: readonly (AttackOutcome & { group: string })[]): string {
  const escape = (text: string): string => text.replace(/\s+/g, ' ').replaceAll('\\', '\\\\').replaceAll('|', '\\|').replaceAll('`', "'");
  const lines = ['| group | attack | expected | received | ok |', '|---|---|---|---|---|'];
  for (const row of rows)
    lines.push(`| ${row.group} | ${escape(row.attack)} | ${escape(row.expected)} | ${escape(row.received)} | ${row.passed ? 'ok' : 'NO'} |`);
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<number> {
  const started = Date.now();
  ensureBuildAndSample();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'clusterscope-security-'));
  const dbPath = path.join(dir, 'security.db');
  let server: ChildProcess | null = null;
  const stop = (): void => {
    if (server) stopServer(server);
  };
  const onSignal = (): void => {
    stop();
    process.exit(130);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    await createAccounts(dbPath);
    server = startServer(dbPath);
    await waitUntilUp(server);
    const ctx: AttackContext = { baseUrl: BASE_URL, session: signIn, dbPath };
    const rows: (AttackOutcome & { group: string })[] = [];
    // SECURITY_GROUPS=brute,links runs only the groups whose names contain one of the words (while working on them).
    const only = process.env.SECURITY_GROUPS?.split(',').filter(Boolean);
    const chosen = groups.filter((candidate) => !only || only.some((word) => candidate.name.includes(word)));
    for (const group of chosen) {
      try {
        for (const result of await group.run(ctx)) rows.push({ ...result, group: group.name });
      } catch (error) {
        rows.push({
          group: group.name,
          attack: 'the group ran to its end',
          expected: 'no exception',
          received: error instanceof Error ? error.message : String(error),
          passed: false,
          badInputs: 0,
        });
      }
    }
    printTable(rows);
    // SECURITY_MARKDOWN=<file> also writes the table untruncated, for the README.
    if (process.env.SECURITY_MARKDOWN) writeFileSync(process.env.SECURITY_MARKDOWN, markdownTable(rows));
    const failed = rows.filter((row) => !row.passed);
    const badInputs = rows.reduce((sum, row) => sum + row.badInputs, 0);
    console.log(
      `\n${rows.length} attacks in ${chosen.length} groups, ${badInputs} distinct bad inputs, ${failed.length} not answered as expected (${Math.round((Date.now() - started) / 1000)} s)`,
    );
    if (failed.length > 0) {
      const log = (server as ChildProcess & { log?: string[] }).log ?? [];
      console.log(`\nThe server's last log lines:\n${log.join('').split('\n').slice(-40).join('\n')}`);
    }
    return failed.length > 0 ? 1 : 0;
  } finally {
    stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`the security suite could not run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
