/**
 * Lazy registration on the engine the browser runs (DuckDB-WASM 1.28, Node
 * build) over the bundled sample: few files at start, a query's tables (or
 * its trusted partition filters) registered on demand, same answers as views
 * over every file.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocalManifest } from '../catalog/local';
import { SAMPLE_ROOT as SAMPLE, sampleDay } from '../sample/testing';
import type { CatalogManifest } from '../catalog/types';
import { LazyViews } from './lazy-views';
import { createTableViews, type ViewTarget } from './table-views';
import { nodeViewTarget, startNodeEngine, type NodeEngine } from './testing/node-engine';

let manifest: CatalogManifest;
let lazy: NodeEngine;
let eager: NodeEngine;
let registered: string[] = [];
let views: LazyViews;

function counting(target: ViewTarget): ViewTarget {
  return {
    ...target,
    registerFile: async (file) => {
      registered.push(file.path);
      await target.registerFile(file);
    },
  };
}

const locate = (_table: unknown, file: { path: string }): string => path.join(SAMPLE, file.path);

beforeAll(async () => {
  manifest = await buildLocalManifest(SAMPLE);
  lazy = await startNodeEngine();
  eager = await startNodeEngine();
  views = new LazyViews(counting(nodeViewTarget(lazy)), manifest, locate);
  await createTableViews(nodeViewTarget(eager), manifest, locate);
}, 120_000);

afterAll(() => {
  lazy?.close();
  eager?.close();
});

function rows(engine: NodeEngine, sql: string): string {
  return JSON.stringify(engine.conn.query(sql).toArray(), (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
}

describe('LazyViews', () => {
  it('opens with one file per schema group, and the columns of every table', async () => {
    const tables = await views.start();
    const groups = manifest.tables.reduce((sum, table) => sum + new Set(table.files.map((file) => file.schemaGroup)).size, 0);
    expect(registered).toHaveLength(groups);
    expect(tables.map((table) => [table.name, table.fileCount])).toEqual(manifest.tables.map((table) => [table.name, table.files.length]));
    expect(tables.find((table) => table.name === 'stl_wlm_query')?.columns.map((column) => column.name)).toContain('service_class_name');
  });

  it('registers only the files a trusted partition filter matches, with the same answer', async () => {
    registered = [];
    const cluster = manifest.tables[0]?.files[0]?.partition.clusterid ?? '';
    const sql = `SELECT count(*) AS n, sum(total_exec_time) AS t FROM stl_wlm_query WHERE clusterid IN ('${cluster}') AND startdate BETWEEN DATE '${sampleDay(1)}' AND DATE '${sampleDay(2)}'`;
    await views.prepare(sql, { trustedPartitionFilters: true });
    const table = manifest.tables.find((candidate) => candidate.name === 'stl_wlm_query');
    const expected = table?.files.filter((file) => file.partition.clusterid === cluster && [sampleDay(1), sampleDay(2)].includes(file.partition.startdate ?? '')) ?? [];
    expect(registered.length).toBeLessThanOrEqual(expected.length);
    expect(new Set(registered)).toEqual(new Set(expected.map((file) => file.path).filter((file) => registered.includes(file))));
    expect(rows(lazy, sql)).toBe(rows(eager, sql));
  });

  it('registers a whole table for SQL it cannot vouch for, and agrees with views over every file', async () => {
    registered = [];
    const sql = 'SELECT clusterid, count(*) AS n, max(endtime) AS e FROM stl_query GROUP BY clusterid ORDER BY clusterid';
    await views.prepare(sql);
    const table = manifest.tables.find((candidate) => candidate.name === 'stl_query');
    expect(registered.length).toBe((table?.files.length ?? 0) - new Set(table?.files.map((file) => file.schemaGroup)).size);
    expect(rows(lazy, sql)).toBe(rows(eager, sql));
    registered = [];
    await views.prepare(sql);
    expect(registered).toEqual([]);
  });
});
