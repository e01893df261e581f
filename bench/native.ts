/**
 * Native DuckDB (@duckdb/node-api) on the same files, with the same views and
 * Athena rewrites the browser engine uses: the baseline every browser figure
 * is divided by, and the planner that tells which columns a query reads.
 */

import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import path from 'node:path';
import type { CatalogManifest, CatalogTable } from '../lib/catalog/types';
import { athenaSetupSql } from '../lib/engine/athena';
import { rewriteAthenaSql } from '../lib/sql/athena';
import { createViewSql, type RegisteredFile } from '../lib/engine/views';

/** The app's view SQL for a table, over the files' absolute paths (Hive keys still parse from them). */
export function nativeViewSql(root: string, table: CatalogTable): string {
  const files: RegisteredFile[] = table.files.map((file) => ({
    name: path.join(root, file.path),
    url: path.join(root, file.path),
    path: file.path,
    schemaGroup: file.schemaGroup,
  }));
  return createViewSql(table.name, table, files);
}

/**
 * The Athena macros and names. DuckDB 1.5 rejects a macro or two that 0.9
 * accepts (array_join's separator must be a constant there); the suite does not
 * call those, so a rejected one is left out rather than failing the baseline.
 */
export async function runAthenaSetup(connection: DuckDBConnection, manifest: CatalogManifest): Promise<void> {
  for (const sql of athenaSetupSql(manifest.tables.map((t) => t.name))) {
    await connection.run(sql).catch(() => undefined);
  }
}

/** A native DuckDB with the app's views; `threads` null keeps DuckDB's default (all cores). */
export class NativeEngine {
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
  ) {}

  /** Opens an in-memory DuckDB over the manifest's files. */
  static async open(root: string, manifest: CatalogManifest, threads: number | null): Promise<NativeEngine> {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    if (threads !== null) await connection.run(`SET threads = ${threads}`);
    for (const table of manifest.tables) await connection.run(nativeViewSql(root, table));
    await runAthenaSetup(connection, manifest);
    return new NativeEngine(instance, connection);
  }

  /** Runs the statement as the browser would (after the Athena rewrite); milliseconds and rows. */
  async run(sql: string): Promise<{ ms: number; rows: number }> {
    const started = performance.now();
    const reader = await this.connection.runAndReadAll(rewriteAthenaSql(sql));
    return { ms: performance.now() - started, rows: reader.currentRowCount };
  }

  /** Rows of a helper query (metadata). */
  async rows(sql: string): Promise<unknown[][]> {
    const reader = await this.connection.runAndReadAll(sql);
    return reader.getRows();
  }

  /** Releases the instance. */
  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}
