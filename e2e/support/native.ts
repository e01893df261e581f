/**
 * Native DuckDB (@duckdb/node-api) over the same files the browser reads: the
 * reference the console's numbers are checked against.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const TABLE_ROOT = ['extract_redshift_query_logs', 'data'];

/** Runs SQL natively with one view per table of the export under `root`; cells come back as display strings. */
export async function nativeRows(root: string, sql: string): Promise<string[][]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const tablesDir = path.join(root, ...TABLE_ROOT);
    for (const table of readdirSync(tablesDir)) {
      const glob = path.join(tablesDir, table, '*', '*', '*.parquet').replaceAll("'", "''");
      await connection.run(`CREATE VIEW "${table}" AS SELECT * FROM read_parquet('${glob}', hive_partitioning=true, union_by_name=true)`);
    }
    const reader = await connection.runAndReadAll(sql);
    return reader.getRows().map((row) => row.map((value) => (value === null ? 'NULL' : String(value))));
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
