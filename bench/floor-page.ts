/**
 * The cold-start floor: a bare page that starts DuckDB-WASM from the app's own
 * engine files and runs one trivial query on one file through the file route.
 * Served by the benchmark harness itself (intercepted in Playwright under the
 * app's origin), so nothing of it ships to users.
 */

/** Bundled by esbuild at benchmark time; `__floorDone` is set when the query returned. */
export const FLOOR_ENTRY = `
import * as duckdb from '@duckdb/duckdb-wasm';
const params = new URLSearchParams(location.search);
async function main() {
  const features = await duckdb.getPlatformFeatures();
  const target = features.wasmExceptions ? 'eh' : 'mvp';
  const base = '/duckdb/1.28.0';
  const worker = new Worker(base + '/duckdb-browser-' + target + '.worker.js');
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(base + '/duckdb-' + target + '.wasm');
  const conn = await db.connect();
  await db.registerFileURL('floor.parquet', location.origin + params.get('file'), duckdb.DuckDBDataProtocol.HTTP, false);
  const result = await conn.query("SELECT count(*) AS n FROM read_parquet('floor.parquet')");
  document.body.textContent = 'rows: ' + result.getChildAt(0).get(0);
  window.__floorDone = performance.now();
}
main().catch((e) => { document.body.textContent = 'floor failed: ' + e; window.__floorError = String(e); });
`;

/** HTML of the floor page. */
export function floorHtml(scriptPath: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>floor</title></head><body><script type="module" src="${scriptPath}"></script></body></html>`;
}
