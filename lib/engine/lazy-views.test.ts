/**
 * Lazy registration on the engine the browser runs (DuckDB-WASM 1.28, Node
 * build) over the bundled sample: few files at start, a query's tables (or
 * its trusted partition filters) registered on demand, same answers as views
 * over every file.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocalManifest } from '../catalog/local';
import { SAMPLE_ROOT as SAMPLE, sampleDay, sampleMarker } from '../sample/testing';
import type { CatalogManifest } from '../catalog/types';
import { LazyViews } from './lazy-views';
import { createTableViews, type ViewTarget } from './table-views';
import { nodeViewTarget, startNodeEngine, type NodeEngine } from './testing/node-engine';

let manifest: CatalogManifest;
let lazy: NodeEngine;
let eager: NodeEngine;
let registered: string[] = [];
let statements: string[] = [];
let views: LazyViews;

function counting(target: ViewTarget): ViewTarget {
  return {
    ...target,
    registerFile: async (file) => {
      registered.push(file.path);
      await target.registerFile(file);
    },
    run: async (sql) => {
      statements.push(sql);
      await target.run(sql);
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
    const expected =
      table?.files.filter((file) => file.partition.clusterid === cluster && [sampleDay(1), sampleDay(2)].includes(file.partition.startdate ?? '')) ?? [];
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

  describe('scope', () => {
    const temporaryViews = (): { name: string; sql: string }[] =>
      (
        lazy.conn.query('SELECT view_name, sql FROM duckdb_views() WHERE temporary AND NOT internal ORDER BY view_name').toArray() as {
          view_name: string;
          sql: string;
        }[]
      ).map((row) => ({
        name: row.view_name,
        sql: row.sql,
      }));
    // An older cluster's files lack the newer stl_wlm_query columns; the narrowed view must still have them.
    const older = (): string => sampleMarker().clusters.find((cluster) => !cluster.newerColumns)?.id ?? '';
    const filtered = (alias: string, from: number, to: number): string =>
      `${alias}.clusterid IN ('${older()}') AND ${alias}.startdate BETWEEN DATE '${sampleDay(from)}' AND DATE '${sampleDay(to)}'`;
    const joined = (from: number, to: number): string =>
      `SELECT w.*, q.label FROM stl_wlm_query w JOIN stl_query q ON q.clusterid = w.clusterid AND q.query = w.query AND ${filtered('q', from, to)} WHERE ${filtered('w', from, to)} ORDER BY ALL`;

    it('gives a trusted query views over only the files its filters select, with every column and the same answer', async () => {
      expect(older()).not.toBe('');
      const sql = joined(3, 4);
      await views.prepare(sql, { trustedPartitionFilters: true });
      const full = rows(lazy, 'DESCRIBE stl_wlm_query');
      await views.scope(sql);
      const narrowed = temporaryViews();
      expect(narrowed.map((view) => view.name)).toEqual(['stl_query', 'stl_wlm_query']);
      const wlm = manifest.tables.find((table) => table.name === 'stl_wlm_query');
      const inScope =
        wlm?.files.filter((file) => file.partition.clusterid === older() && [sampleDay(3), sampleDay(4)].includes(file.partition.startdate ?? '')) ?? [];
      const outOfScope = wlm?.files.filter((file) => !inScope.includes(file)) ?? [];
      const viewSql = narrowed.find((view) => view.name === 'stl_wlm_query')?.sql ?? '';
      expect(inScope.length).toBeGreaterThan(0);
      for (const file of inScope) expect(viewSql).toContain(path.basename(file.path));
      for (const file of outOfScope) expect(viewSql).not.toContain(path.basename(file.path));
      expect(rows(lazy, 'DESCRIBE stl_wlm_query')).toBe(full);
      expect(rows(lazy, sql)).toBe(rows(eager, sql));
      expect(JSON.parse(rows(lazy, sql)).length).toBeGreaterThan(0);
    });

    it('keeps a shadow whose files are unchanged, replaces or drops the others, and any other statement gets the full views', async () => {
      const sql = joined(3, 4);
      statements = [];
      await views.scope(sql);
      expect(statements).toEqual([]);
      // Another scope on one table: that shadow is replaced, the other table's is dropped.
      const other = `SELECT count(*) AS n FROM stl_query WHERE ${filtered('stl_query', 5, 5)}`;
      await views.prepare(other, { trustedPartitionFilters: true });
      statements = [];
      await views.scope(other);
      expect(temporaryViews().map((view) => view.name)).toEqual(['stl_query']);
      expect(statements).toHaveLength(2);
      expect(rows(lazy, other)).toBe(rows(eager, other));
      await views.scope(null);
      expect(temporaryViews()).toEqual([]);
      // The full view is back: a query that needs every file gets them.
      const all = 'SELECT count(*) FROM stl_wlm_query';
      await views.prepare(all);
      expect(rows(lazy, all)).toBe(rows(eager, all));
    });

    it('leaves a table alone when the query does not filter its partitions, or the filter selects no file', async () => {
      await views.scope('SELECT count(*) FROM stl_query');
      expect(temporaryViews()).toEqual([]);
      const sql = "SELECT count(*) AS n FROM stl_query WHERE clusterid IN ('no-such-cluster') AND startdate = DATE '2026-01-01'";
      await views.scope(sql);
      expect(temporaryViews()).toEqual([]);
      expect(rows(lazy, sql)).toBe('[{"n":"0"}]');
    });
  });
});
