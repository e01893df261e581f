/**
 * Bundles the FLE decrypt worker into public/fle/, a step of every build (scripts/build/index.ts),
 * with a global `Buffer` for signed messages.
 */
import { bundleWorker } from './bundle-worker';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');

/** Where the bundle goes, relative to the repository; served as /fle/fle-worker.js. */
export const FLE_WORKER_OUTPUT = path.join('public', 'fle', 'fle-worker.js');

/** Bundles the worker; returns where it went. */
export async function buildFleWorker(): Promise<string> {
  await bundleWorker(path.join(root, 'lib', 'fle', 'worker', 'fle-worker.ts'), path.join(root, FLE_WORKER_OUTPUT), [
    path.join(root, 'lib', 'fle', 'worker', 'buffer-shim.ts'),
  ]);
  return FLE_WORKER_OUTPUT;
}
