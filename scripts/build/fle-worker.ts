/**
 * Bundles the FLE decrypt worker into public/fle/, a step of every build (scripts/build/index.ts).
 * esbuild (not Turbopack) so the bundle is one self-hosted file with a stable
 * URL, and a global `Buffer` for signed messages.
 */
import { build } from 'esbuild';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');

/** Where the bundle goes, relative to the repository; served as /fle/fle-worker.js. */
export const FLE_WORKER_OUTPUT = path.join('public', 'fle', 'fle-worker.js');

/** Bundles the worker; returns where it went. */
export async function buildFleWorker(): Promise<string> {
  await build({
    entryPoints: [path.join(root, 'lib', 'fle', 'worker', 'fle-worker.ts')],
    outfile: path.join(root, FLE_WORKER_OUTPUT),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    inject: [path.join(root, 'lib', 'fle', 'worker', 'buffer-shim.ts')],
    logLevel: 'warning',
  });
  return FLE_WORKER_OUTPUT;
}
