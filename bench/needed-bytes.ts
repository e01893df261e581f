/**
 * The floor for bytes fetched: the compressed size of the column chunks a
 * query needs, in the partitions its filters select, from the files' Parquet
 * metadata. Which columns a query needs comes from native DuckDB's plan: the
 * query is planned against empty tables with the views' schemas, where every
 * scan names its table, its projected columns and its pushed-down filters.
 * Partitions outside the scope contribute nothing; footers are not counted
 * (they are overhead the browser pays on top of the floor).
 */

import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import path from 'node:path';
import type { CatalogManifest } from '../lib/catalog/types';
import { rewriteAthenaSql } from '../lib/sql/athena';
import { quoteLiteral } from '../lib/engine/sql-text';
import { nativeViewSql, runAthenaSetup } from './native';
import { inScope, type Scope } from './suite';

/** Column name -> compressed bytes, per file path (relative to the root). */
type ChunkSizes = Map<string, Map<string, number>>;

interface PlanNode {
  name?: string;
  children?: PlanNode[];
  extra_info?: { Table?: string; Projections?: string | string[]; Filters?: string | string[] };
}

function asList(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : value.split('\n');
}

/** Identifiers in a filter expression, string literals removed. */
function identifiers(expression: string): string[] {
  const bare = expression.replace(/'(?:[^']|'')*'/g, ' ');
  return [...bare.matchAll(/"((?:[^"]|"")+)"|([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => (m[1] ?? m[2] ?? '').replace(/""/g, '"'));
}

/** Columns each table's scans read, from a JSON plan. */
export function scannedColumns(plan: PlanNode[], tableColumns: ReadonlyMap<string, ReadonlySet<string>>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const visit = (node: PlanNode): void => {
    const table = node.extra_info?.Table?.split('.').at(-1);
    const columns = table === undefined ? undefined : tableColumns.get(table);
    if (table !== undefined && columns) {
      const used = out.get(table) ?? new Set<string>();
      for (const c of asList(node.extra_info?.Projections)) if (columns.has(c)) used.add(c);
      for (const f of asList(node.extra_info?.Filters)) for (const c of identifiers(f)) if (columns.has(c)) used.add(c);
      out.set(table, used);
    }
    for (const child of node.children ?? []) visit(child);
  };
  for (const node of plan) visit(node);
  return out;
}

/** Plans queries against empty copies of the views and prices their column chunks. */
export class NeededBytes {
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    private readonly manifest: CatalogManifest,
    private readonly tableColumns: Map<string, Set<string>>,
    private readonly chunks: ChunkSizes,
  ) {}

  /** Reads every file's Parquet metadata once and creates the empty tables. */
  static async open(root: string, manifest: CatalogManifest): Promise<NeededBytes> {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const tableColumns = new Map<string, Set<string>>();
    for (const table of manifest.tables) {
      const view = nativeViewSql(root, table).replace(/^CREATE OR REPLACE VIEW (\S+) AS /, 'CREATE TABLE $1 AS SELECT * FROM (');
      await connection.run(`${view}) LIMIT 0`);
      const keys = new Set(table.partitionKeys.map((k) => k.name));
      const cols = await connection.runAndReadAll(`SELECT column_name FROM information_schema.columns WHERE table_name = ${quoteLiteral(table.name)}`);
      // Partition keys live in the path, not in any column chunk.
      tableColumns.set(
        table.name,
        new Set(
          cols
            .getRows()
            .map((r) => String(r[0]))
            .filter((c) => !keys.has(c)),
        ),
      );
    }
    await runAthenaSetup(connection, manifest);
    // With statistics propagation the planner would see the tables are empty and drop the scans.
    await connection.run("SET disabled_optimizers = 'statistics_propagation'");

    const chunks: ChunkSizes = new Map();
    const files = manifest.tables.flatMap((t) => t.files.map((f) => f.path));
    const byAbs = new Map(files.map((f) => [path.join(root, f), f]));
    for (let i = 0; i < files.length; i += 2000) {
      const list = files
        .slice(i, i + 2000)
        .map((f) => quoteLiteral(path.join(root, f)))
        .join(', ');
      const reader = await connection.runAndReadAll(
        `SELECT file_name, path_in_schema, sum(total_compressed_size)::BIGINT FROM parquet_metadata([${list}]) GROUP BY ALL`,
      );
      for (const [file, column, bytes] of reader.getRows()) {
        const rel = byAbs.get(String(file)) ?? String(file);
        const map = chunks.get(rel) ?? new Map<string, number>();
        map.set(String(column), Number(bytes));
        chunks.set(rel, map);
      }
    }
    return new NeededBytes(instance, connection, manifest, tableColumns, chunks);
  }

  /** The columns each table's scans read for a statement. */
  async columns(sql: string): Promise<Map<string, Set<string>>> {
    const reader = await this.connection.runAndReadAll(`EXPLAIN (FORMAT JSON) ${rewriteAthenaSql(sql)}`);
    const row = reader.getRows()[0];
    const plan = JSON.parse(String(row?.[1] ?? '[]')) as PlanNode[];
    return scannedColumns(plan, this.tableColumns);
  }

  /** Compressed bytes of the needed column chunks of the files in scope. */
  async bytes(sql: string, scope: Scope): Promise<{ bytes: number; columns: Record<string, string[]> }> {
    const used = await this.columns(sql);
    let bytes = 0;
    for (const table of this.manifest.tables) {
      const cols = used.get(table.name);
      if (!cols || cols.size === 0) continue;
      for (const file of table.files) {
        if (!inScope(file, scope)) continue;
        const sizes = this.chunks.get(file.path);
        for (const c of cols) bytes += sizes?.get(c) ?? 0;
      }
    }
    return { bytes, columns: Object.fromEntries([...used].map(([t, c]) => [t, [...c].sort()])) };
  }

  /** Releases the instance. */
  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}
