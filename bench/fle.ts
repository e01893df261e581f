/**
 * npm run bench:fle — FLE decrypt throughput of the app in headless Chromium
 * against the production build, divided by the raw WebCrypto RSA-OAEP unwrap
 * rate measured in the same page. Target for the unsigned suite:
 * app rate ≥ 0.8 × raw rate × workers. Prints the figures; asserts nothing
 * about speed.
 */
import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import { spawn, spawnSync } from 'node:child_process';
import { constants, publicEncrypt, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { encryptVector, type VectorKeys } from '../lib/fle/testing/vectors';
import { DEMO_KEY_NAME, DEMO_KEY_NAMESPACE, demoPrivateKeyPem, demoPublicKeyPem } from '../lib/sample/keys';
import type { FleBenchFigures, FleBenchInput } from './fle-page';
import { addBenchUser, signedInState } from './sign-in';

const root = path.resolve(__dirname, '..');
const VALUES = 2000;
const PORT = Number(process.env.BENCH_PORT ?? 3190);
const TARGET = 0.8;

async function vectors(keys: VectorKeys, suite: 0x0178 | 0x0378): Promise<string[]> {
  const out: string[] = [];
  for (let start = 0; start < VALUES; start += 100) {
    const batch = Array.from({ length: Math.min(100, VALUES - start) }, (_, i) => `SELECT * FROM stl_query WHERE query = ${start + i} /* bench */`);
    out.push(...(await Promise.all(batch.map((text, i) => encryptVector(keys, text, suite, (start + i) % 2 === 0)))));
  }
  return out;
}

async function waitForServer(url: string): Promise<void> {
  for (let attempt = 0; attempt < 240; attempt += 1) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the production server did not answer at ${url}`);
}

async function main(): Promise<void> {
  if (!existsSync(path.join(root, '.next', 'BUILD_ID')) || !existsSync(path.join(root, 'public', 'fle', 'fle-worker.js'))) {
    console.log('no production build: running npm run build');
    if (spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' }).status !== 0) throw new Error('the build failed');
  }
  const keys: VectorKeys = { keyNamespace: DEMO_KEY_NAMESPACE, keyName: DEMO_KEY_NAME, publicKeyPem: demoPublicKeyPem(), privateKeyPem: demoPrivateKeyPem() };
  console.log(`encrypting ${VALUES} values of each suite with @aws-crypto/client-node…`);
  const input: FleBenchInput = {
    pem: keys.privateKeyPem,
    rawWrapped: Array.from({ length: VALUES }, () =>
      publicEncrypt({ key: keys.publicKeyPem, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, randomBytes(32)).toString('base64'),
    ),
    unsigned: await vectors(keys, 0x0178),
    signed: await vectors(keys, 0x0378),
  };
  const bundle = await build({
    entryPoints: [path.join(root, 'bench', 'fle-page.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    alias: { '@': root },
    logLevel: 'warning',
  });
  const script = bundle.outputFiles[0]?.text ?? '';

  // Decrypting (profiles, audit records, the /fle/ worker bundle) is for signed-in admins only.
  const db = path.join(mkdtempSync(path.join(os.tmpdir(), 'cs-bench-fle-')), 'metadata.db');
  const user = addBenchUser(db, 'admin');
  const server = spawn(path.join(root, 'node_modules', '.bin', 'next'), ['start', '-p', String(PORT), '-H', '127.0.0.1'], {
    cwd: root,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', CLUSTERSCOPE_DB: db },
    stdio: 'ignore',
  });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const base = `http://127.0.0.1:${PORT}`;
    await waitForServer(`${base}/signin`);
    // The bench's own script is injected; the page's policy is not what is measured.
    const context = await browser.newContext({ bypassCSP: true, storageState: await signedInState(browser, base, user) });
    const page = await context.newPage();
    await page.goto(`${base}/api/fle/profiles`);
    await page.addScriptTag({ content: script });
    const figures = await page.evaluate(
      (arg: FleBenchInput) => (globalThis as unknown as { fleBench: (x: FleBenchInput) => Promise<FleBenchFigures> }).fleBench(arg),
      input,
    );
    const perWorkerTarget = figures.rawPerSecond * figures.workers;
    const line = (name: string, rate: number, ok: number): string =>
      `${name.padEnd(18)} ${rate.toFixed(0).padStart(6)} values/s  (${ok}/${VALUES} ok)  ratio to raw × workers ${(rate / perWorkerTarget).toFixed(2)}`;
    console.log(`\nFLE decrypt benchmark (headless Chromium, production build, ${figures.workers} workers)`);
    console.log(`raw RSA-OAEP unwrap ${figures.rawPerSecond.toFixed(0).padStart(6)} unwraps/s (one at a time, same page)`);
    console.log(line('unsigned 0x0178', figures.unsignedPerSecond, figures.unsignedOk));
    console.log(line('signed 0x0378', figures.signedPerSecond, figures.signedOk));
    const ratio = figures.unsignedPerSecond / perWorkerTarget;
    console.log(`target: unsigned ≥ ${TARGET} × raw × workers → ${ratio >= TARGET ? 'met' : 'NOT met'} (${ratio.toFixed(2)})`);
  } finally {
    await browser.close();
    server.kill('SIGTERM');
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
