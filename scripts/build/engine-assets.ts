/**
 * Self-hosts the engine: copies DuckDB-WASM's wasm and worker files from
 * node_modules into public/duckdb/<version>/ and bundles our wrapper worker
 * beside them. A step of every build (scripts/build/index.ts), so nothing is fetched from a CDN.
 */
import { copyFile, mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { DUCKDB_ASSET_BASE, DUCKDB_TARGETS, DUCKDB_WASM_VERSION, ENGINE_WORKER_FILE, duckdbWasmFile, duckdbWorkerFile } from '../../lib/engine/assets';
import { bundleWorker } from './bundle-worker';

const root = path.resolve(__dirname, '..', '..');
const dist = path.join(root, 'node_modules', '@duckdb', 'duckdb-wasm', 'dist');
const out = path.join(root, 'public', DUCKDB_ASSET_BASE);

/** Copies and bundles the engine's files into public/duckdb/<version>/; returns where they went. */
export async function buildEngineAssets(): Promise<string> {
  // duckdb-wasm's package.json is not exported, so read the version from the file path.
  const installed = JSON.parse(await readFile(path.join(dist, '..', 'package.json'), 'utf8')) as { version: string };
  if (installed.version !== DUCKDB_WASM_VERSION) {
    throw new Error(`@duckdb/duckdb-wasm ${installed.version} is installed, but the engine is pinned to ${DUCKDB_WASM_VERSION}. Run npm ci.`);
  }
  await mkdir(out, { recursive: true });
  for (const target of DUCKDB_TARGETS) {
    for (const file of [duckdbWasmFile(target), duckdbWorkerFile(target)]) {
      const from = path.join(dist, file);
      const to = path.join(out, file);
      const [a, b] = await Promise.all([stat(from), stat(to).catch(() => null)]);
      if (!b || a.size !== b.size || a.mtimeMs > b.mtimeMs) await copyFile(from, to);
    }
  }
  await bundleWorker(path.join(root, 'lib', 'engine', 'worker', 'engine-worker.ts'), path.join(out, ENGINE_WORKER_FILE));
  return `public${DUCKDB_ASSET_BASE}`;
}
