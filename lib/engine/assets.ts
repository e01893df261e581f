/**
 * Where the self-hosted DuckDB-WASM files live. `scripts/build/engine-assets.ts` copies
 * them out of node_modules into `public/` at build time, so no request ever
 * leaves the app's origin. The version is in the path so the files can be
 * cached as immutable.
 */

/** The pinned engine version. 1.29+ cannot read Parquet offline (no bundled extension). */
export const DUCKDB_WASM_VERSION = '1.28.0';

/** URL folder (under the app's origin) holding the engine files. */
export const DUCKDB_ASSET_BASE = `/duckdb/${DUCKDB_WASM_VERSION}`;

/** The two builds we ship: `eh` (wasm exceptions) for current browsers, `mvp` as the fallback. */
export type DuckDBTarget = 'eh' | 'mvp';

export const DUCKDB_TARGETS: readonly DuckDBTarget[] = ['eh', 'mvp'];

/** File name of DuckDB's own worker script for a target. */
export function duckdbWorkerFile(target: DuckDBTarget): string {
  return `duckdb-browser-${target}.worker.js`;
}

/** File name of the wasm module for a target. */
export function duckdbWasmFile(target: DuckDBTarget): string {
  return `duckdb-${target}.wasm`;
}

/** File name of our wrapper worker, which loads DuckDB's worker and reports its I/O. */
export const ENGINE_WORKER_FILE = 'clusterscope-engine.worker.js';
