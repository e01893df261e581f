/**
 * DuckDB-WASM 1.28's Node build, for unit tests that must exercise the same
 * engine the browser runs (same DuckDB version, same Arrow output).
 */
import * as duckdb from '@duckdb/duckdb-wasm/dist/duckdb-node-blocking';
import { createRequire } from 'node:module';
import path from 'node:path';
import { COLUMNS_SQL, columnsFromRows } from '../catalog-sql';
import type { ViewTarget } from '../table-views';

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

/** The engine as a view target whose files are local paths, the way tests register them. */
export function nodeViewTarget(engine: NodeEngine): ViewTarget {
  return {
    registerFile: async (file) => engine.db.registerFileURL(file.name, file.url, duckdb.DuckDBDataProtocol.NODE_FS, false),
    run: async (sql) => {
      engine.conn.query(sql);
    },
    columns: async () => columnsFromRows(engine.conn.query(COLUMNS_SQL).toArray()),
  };
}

export { duckdb };
