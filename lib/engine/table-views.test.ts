/**
 * The view logic against the real engine: DuckDB-WASM 1.28's Node build, on
 * Parquet files written by native DuckDB.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogManifest, CatalogTable } from '../catalog/types';
import { createTableViews, type EngineTable } from './table-views';
import { nodeViewTarget, startNodeEngine, type NodeEngine } from './testing/node-engine';

let dir = '';
let engine: NodeEngine;
let tables: EngineTable[] = [];

function catalogTable(name: string, files: { path: string; partition: Record<string, string> }[]): CatalogTable {
  return {
    name,
    path: name,
    bytes: 0,
    partitionKeys: [
      { name: 'clusterid', type: 'VARCHAR' },
      { name: 'startdate', type: 'DATE' },
    ],
    files: files.map((file) => ({ ...file, size: 1, modified: '' })),
  };
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'cs-views-'));
  const native = await (await DuckDBInstance.create(':memory:')).connect();
  const entries: { path: string; partition: Record<string, string> }[] = [];
  for (const [cluster, extra] of [
    ['old', ''],
    ['new', ", 'high' AS query_priority"],
  ] as const) {
    for (const day of ['2026-11-01', '2026-11-02']) {
      const rel = `stl_wlm_query/clusterid=${cluster}/startdate=${day}/part-00000-a.c000.snappy.parquet`;
      mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      await native.run(
        `COPY (SELECT i AS query, i * 10 AS total_exec_time${extra} FROM range(100) t(i)) TO '${path.join(dir, rel)}' (FORMAT PARQUET, COMPRESSION SNAPPY)`,
      );
      entries.push({ path: rel, partition: { clusterid: cluster, startdate: day } });
    }
  }
  const corrupt = 'stl_wlm_query/clusterid=old/startdate=2026-11-03/part-00001-corrupt.c000.snappy.parquet';
  mkdirSync(path.dirname(path.join(dir, corrupt)), { recursive: true });
  writeFileSync(path.join(dir, corrupt), Buffer.from('this is not a parquet file at all, just text'));
  entries.push({ path: corrupt, partition: { clusterid: 'old', startdate: '2026-11-03' } });
  native.closeSync();

  const manifest: CatalogManifest = { source: dir, builtAt: '', warnings: [], tables: [catalogTable('stl_wlm_query', entries)] };
  engine = await startNodeEngine();
  const target = nodeViewTarget(engine);
  tables = await createTableViews(target, manifest, (_table, file) => path.join(dir, file.path));
}, 60_000);

afterAll(() => {
  engine?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function rows(sql: string): Record<string, unknown>[] {
  return engine.conn
    .query(sql)
    .toArray()
    .map((row) => ({ ...(row as object) }) as Record<string, unknown>);
}

describe('createTableViews on DuckDB-WASM', () => {
  it('drops the corrupt file with a message naming it, and keeps the rest', () => {
    const [table] = tables;
    expect(table?.error).toBeUndefined();
    expect(table?.fileCount).toBe(4);
    expect(table?.skipped).toHaveLength(1);
    expect(table?.skipped[0]?.path).toContain('part-00001-corrupt');
    expect(table?.skipped[0]?.message.length).toBeGreaterThan(0);
  });

  it('unions drifted schemas by name and types the partition keys', () => {
    expect(tables[0]?.columns).toEqual(
      expect.arrayContaining([
        { name: 'query_priority', type: 'VARCHAR' },
        { name: 'clusterid', type: 'VARCHAR' },
        { name: 'startdate', type: 'DATE' },
      ]),
    );
    const counts = rows('SELECT clusterid, count(*)::INTEGER AS n, count(query_priority)::INTEGER AS with_priority FROM stl_wlm_query GROUP BY 1 ORDER BY 1');
    expect(counts).toEqual([
      { clusterid: 'new', n: 200, with_priority: 200 },
      { clusterid: 'old', n: 200, with_priority: 0 },
    ]);
  });

  it('filters on partition keys as typed values', () => {
    const [filtered] = rows("SELECT count(*)::INTEGER AS n FROM stl_wlm_query WHERE clusterid = 'new' AND startdate = DATE '2026-11-02'");
    expect(filtered).toEqual({ n: 100 });
  });
});
