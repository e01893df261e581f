/**
 * DuckDB-WASM 1.28's Node build, for unit tests that must exercise the same
 * engine the browser runs (same DuckDB version, same Arrow output).
 */
import * as duckdb from '@duckdb/duckdb-wasm/dist/duckdb-node-blocking';
import { createRequire } from 'node:module';
import path from 'node:path';

export interface NodeEngine {
  db: duckdb.DuckDBBindings;
  conn: duckdb.DuckDBConnection;
  close: () => void;
}

/** Starts an in-memory engine; call `close` when done. */
export async function startNodeEngine(): Promise<NodeEngine> {
  const require = createRequire(import.meta.url);
  const dist = path.dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));
  const db = await duckdb.createDuckDB(
    {
      mvp: { mainModule: path.join(dist, 'duckdb-mvp.wasm'), mainWorker: '' },
      eh: { mainModule: path.join(dist, 'duckdb-eh.wasm'), mainWorker: '' },
    },
    new duckdb.VoidLogger(),
    duckdb.NODE_RUNTIME,
  );
  await db.instantiate(() => undefined);
  const conn = db.connect();
  return {
    db,
    conn,
    close: () => {
      conn.close();
      db.reset();
    },
  };
}

export { duckdb };
