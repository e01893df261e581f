/**
 * Every library query on a generated sample: DuckDB-WASM 1.28 (DuckDB 0.9.1,
 * views made the way the app makes them) must return the same rows as native
 * DuckDB reading the same files, and at least one row. A second pass proves
 * the cluster and day parameters prune: files outside them are made
 * unreadable and every query must still run.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocalManifest } from '../catalog/local';
import type { CatalogManifest } from '../catalog/types';
import { createTableViews } from '../engine/table-views';
import { nodeViewTarget, startNodeEngine, type NodeEngine } from '../engine/testing/node-engine';
import { bindParameters, describeParamErrors } from '../params/bind';
import { generateSample } from '../sample/generate-sample';
import { LIBRARY } from './catalog';
import { defaultValues } from './parameters';
import type { LibraryQuery } from './types';

const TABLES = ['stl_query', 'stl_querytext', 'stl_ddltext', 'stl_utilitytext', 'stl_explain', 'stl_scan', 'stl_wlm_query', 'stl_alert_event_log'];
const DAYS = { start: '2026-10-30', end: '2026-11-01' };

let dir = '';
let root = '';
let manifest: CatalogManifest;
let wasm: NodeEngine;
let native: DuckDBConnection;
let clusters: string[] = [];
const timings: { title: string; ms: number; rows: number }[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'cs-library-'));
  root = path.join(dir, 'sample');
  await generateSample({ out: root, clusters: 3, days: 3, queriesPerDay: 150, endDate: DAYS.end });
  manifest = await buildLocalManifest(root);
  clusters = [...new Set(manifest.tables.flatMap((t) => t.files.map((f) => f.partition.clusterid ?? '')))].sort();

  wasm = await openWasm(root, manifest);
  // Touch every view once so the timings below are not the first file reads.
  for (const table of TABLES) wasm.conn.query(`SELECT count(*) FROM ${table}`);

  native = await (await DuckDBInstance.create(':memory:')).connect();
  for (const table of TABLES) {
    const glob = path.join(root, 'extract_redshift_query_logs/data', table, '*/*/*.parquet').replaceAll("'", "''");
    await native.run(`CREATE VIEW ${table} AS SELECT * FROM read_parquet('${glob}', hive_partitioning=true, union_by_name=true)`);
  }
}, 120_000);

afterAll(() => {
  if (timings.length > 0) {
    console.log(`Library queries on DuckDB-WASM 1.28, median of 3 warm runs (sample: 3 clusters x 3 days x 150 queries/day)\n${formatTimings()}`);
  }
  wasm?.close();
  native?.closeSync();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A DuckDB-WASM engine with one view per table, made the way the app makes them. */
async function openWasm(sampleRoot: string, catalog: CatalogManifest): Promise<NodeEngine> {
  const engine = await startNodeEngine();
  const target = nodeViewTarget(engine);
  const tables = await createTableViews(target, catalog, (_table, file) => path.join(sampleRoot, file.path));
  expect(tables.map((t) => [t.name, t.error ?? 'ok', t.skipped.length])).toEqual(TABLES.map((t) => [t, 'ok', 0]).sort());
  return engine;
}

function formatTimings(): string {
  const width = Math.max(...timings.map((t) => t.title.length));
  return timings.map((t) => `${t.title.padEnd(width)}  ${t.ms.toFixed(1).padStart(7)} ms  ${String(t.rows).padStart(5)} rows`).join('\n');
}

function boundSql(query: LibraryQuery, chosen: string[] = clusters, days: { start: string; end: string } = DAYS): string {
  const defs = query.parameters({ clusters, today: DAYS.end });
  const bound = bindParameters(query.sql, defs, { ...defaultValues(defs), clusters: chosen, days });
  if (!bound.ok) throw new Error(describeParamErrors(bound.errors));
  return bound.sql;
}

/** Every cell as text, so both engines' results compare without Arrow or JS number quirks. */
function asText(sql: string): string {
  return `SELECT COLUMNS(*)::VARCHAR FROM (${sql}) AS library_result`;
}

/**
 * Evens out how the two versions print values: doubles are rounded to 9
 * significant digits, and list items lose the quotes DuckDB 1.x puts around
 * them (the library's lists hold base64, which has no quotes or commas).
 */
function normalise(cell: unknown): string | null {
  if (cell === null || cell === undefined) return null;
  const text = String(cell);
  if (text.startsWith('[') && text.endsWith(']')) return text.replace(/(^\[|, )'/g, '$1').replace(/'(?=, |\]$)/g, '');
  if (/^-?\d*\.\d+(e[+-]?\d+)?$|^-?\d+(\.\d+)?e[+-]?\d+$/i.test(text)) return String(Number(Number(text).toPrecision(9)));
  return text;
}

function wasmRows(sql: string): (string | null)[][] {
  const table = wasm.conn.query(asText(sql));
  return table.toArray().map((row) => Object.values((row as { toJSON(): Record<string, unknown> }).toJSON()).map(normalise));
}

async function nativeRows(sql: string): Promise<(string | null)[][]> {
  const reader = await native.runAndReadAll(asText(sql));
  return reader.getRows().map((row) => row.map(normalise));
}

describe('library queries on the sample', () => {
  it.each(LIBRARY)('$id: same rows in DuckDB-WASM 0.9.1 and native DuckDB, and not empty', async (query) => {
    const sql = boundSql(query);
    // The median of three runs, so one slow garbage collection does not skew the figure.
    const runs = [0, 1, 2].map(() => {
      const started = performance.now();
      const table = wasm.conn.query(sql);
      return { ms: performance.now() - started, rows: table.numRows };
    });
    const result = { numRows: runs[0]?.rows ?? 0 };
    const ms = runs.map((run) => run.ms).sort((a, b) => a - b)[1] ?? 0;
    timings.push({ title: query.title, ms, rows: result.numRows });
    expect(result.numRows).toBeGreaterThan(0);

    const fromWasm = wasmRows(sql);
    const fromNative = await nativeRows(sql);
    expect(fromWasm).toHaveLength(result.numRows);
    expect(fromWasm).toEqual(fromNative);
  });
});

describe('partition pruning of the library queries', () => {
  const KEEP = { cluster: 'prod-etl-use1', day: '2026-10-31' };
  let pruned: NodeEngine;

  beforeAll(async () => {
    // A copy, so the comparison above keeps its intact files.
    const copy = path.join(dir, 'pruned');
    cpSync(root, copy, { recursive: true });
    pruned = await openWasm(copy, manifest);
    // Damage every file outside the kept cluster-day only now, after the views exist:
    // a query can then succeed only if DuckDB never opens those files.
    for (const table of manifest.tables) {
      for (const file of table.files) {
        if (file.partition.clusterid === KEEP.cluster && file.partition.startdate === KEEP.day) continue;
        writeFileSync(path.join(copy, file.path), 'not parquet: this partition must be pruned');
      }
    }
  }, 60_000);

  afterAll(() => pruned?.close());

  it('reads damaged files when a query does not filter on the partitions', () => {
    expect(() => pruned.conn.query('SELECT count(*) FROM stl_query')).toThrow();
  });

  it.each(LIBRARY)('$id: bound to one cluster and day, opens no other partition', (query) => {
    const sql = boundSql(query, [KEEP.cluster], { start: KEEP.day, end: KEEP.day });
    expect(() => pruned.conn.query(sql)).not.toThrow();
  });
});
