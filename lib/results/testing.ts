/** Results from the browser's engine build (DuckDB-WASM 1.28 in Node), for the tests of this folder. */
import { resultSetFromBatches, type ResultSet } from '../engine/result-set';
import type { NodeEngine } from '../engine/testing/node-engine';

/** Runs SQL and wraps its Arrow output as the grid gets it. */
export function resultOf(engine: NodeEngine, sql: string): ResultSet {
  const table = engine.conn.query(sql);
  return resultSetFromBatches(table.schema.fields, table.batches);
}
