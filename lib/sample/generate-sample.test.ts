import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decryptSampleValue } from './decrypt';
import { generateSample } from './generate-sample';
import type { SampleSummary } from './generate-sample';
import { expectedPlaintext } from './lookup';
import { MARKER_FILE } from './marker';
import { DATA_PREFIX, PART_PATH_RE } from './parts';
import { TABLE_NAMES } from './types';

const BASE = mkdtempSync(join(tmpdir(), 'cs-sample-test-'));
const OUT = join(BASE, 'sample');
const SMALL = { clusters: 2, days: 2, queriesPerDay: 50, endDate: '2024-03-05', seed: 11 };

let summary: SampleSummary;
let files: string[];

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((p) => join(dir, p))
    .filter((p) => statSync(p).isFile());
}

async function query(sql: string): Promise<Array<Record<string, unknown>>> {
  const instance = await DuckDBInstance.create(':memory:');
  const con = await instance.connect();
  try {
    const reader = await con.runAndReadAll(sql);
    return reader.getRowObjectsJS();
  } finally {
    con.closeSync();
    instance.closeSync();
  }
}

function glob(table: string): string {
  return join(OUT, DATA_PREFIX, table, '*/*/*.parquet').replace(/'/g, "''");
}

beforeAll(async () => {
  summary = await generateSample({ ...SMALL, out: OUT });
  files = listFiles(OUT).map((p) => relative(OUT, p).split('\\').join('/'));
});

afterAll(() => {
  rmSync(BASE, { recursive: true, force: true });
});

describe('generateSample (small real run)', () => {
  it('writes the real export layout and a marker, and nothing else', () => {
    expect(summary.skipped).toBe(false);
    const parts = files.filter((f) => f !== MARKER_FILE);
    expect(files).toContain(MARKER_FILE);
    for (const f of parts) expect(f).toMatch(PART_PATH_RE);
    expect(parts.length).toBe(summary.marker.files);
    expect(readdirSync(BASE)).toEqual(['sample']);
  });

  it('splits partitions into several part files', () => {
    const perPartition = new Map<string, number>();
    for (const f of files.filter((x) => x !== MARKER_FILE)) {
      const dir = f.slice(0, f.lastIndexOf('/'));
      perPartition.set(dir, (perPartition.get(dir) ?? 0) + 1);
    }
    const counts = Array.from(perPartition.values());
    expect(Math.max(...counts)).toBeLessThanOrEqual(4);
    expect(counts.filter((n) => n >= 2).length / counts.length).toBeGreaterThan(0.8);
  });

  it('reads back with hive partitioning and matching counts', async () => {
    for (const table of TABLE_NAMES) {
      const rows = await query(
        `SELECT clusterid, count(*) AS n FROM read_parquet('${glob(table)}', hive_partitioning=true, union_by_name=true) GROUP BY 1 ORDER BY 1`,
      );
      const total = rows.reduce((a, r) => a + Number(r.n), 0);
      expect(total, table).toBe(summary.marker.counts[table]);
      if (table !== 'stl_ddltext') expect(rows.map((r) => r.clusterid)).toEqual(['prod-analytics-use1', 'prod-etl-use1']);
    }
  });

  it('keeps partition columns out of the files and pads CHAR columns', async () => {
    // hive_partitioning=false: otherwise DuckDB adds the path keys and the check would be moot.
    const cols = await query(`DESCRIBE SELECT * FROM read_parquet('${glob('stl_wlm_query')}', hive_partitioning=false, union_by_name=true)`);
    const names = cols.map((c) => c.column_name);
    expect(names).not.toContain('clusterid');
    expect(names).not.toContain('startdate');
    expect(names).toContain('service_class_name');
    const types = Object.fromEntries(cols.map((c) => [c.column_name, c.column_type]));
    expect(types).toMatchObject({ query: 'INTEGER', xid: 'BIGINT', queue_start_time: 'TIMESTAMP', final_state: 'VARCHAR' });
    const [row] = await query(
      `SELECT length(final_state)::INTEGER AS fs, length(service_class_name)::INTEGER AS scn FROM read_parquet('${glob('stl_wlm_query')}', hive_partitioning=true, union_by_name=true) WHERE clusterid = 'prod-analytics-use1' LIMIT 1`,
    );
    expect(row).toEqual({ fs: 16, scn: 64 });
    const [label] = await query(`SELECT min(length(label))::INTEGER AS lo, max(length(label))::INTEGER AS hi FROM read_parquet('${glob('stl_query')}')`);
    expect(label).toEqual({ lo: 320, hi: 320 });
  });

  it('gives the newer columns to the first cluster only (union by name fills NULL)', async () => {
    const rows = await query(
      `SELECT clusterid, count(is_rlf_scan) AS n FROM read_parquet('${glob('stl_scan')}', hive_partitioning=true, union_by_name=true) GROUP BY 1 ORDER BY 1`,
    );
    expect(Number(rows[0]?.n)).toBeGreaterThan(0);
    expect(Number(rows[1]?.n)).toBe(0);
  });

  it('files rows under the day of their timestamp', async () => {
    const checks: Array<[string, string]> = [
      ['stl_query', 'starttime'],
      ['stl_scan', 'starttime'],
      ['stl_wlm_query', 'queue_start_time'],
      ['stl_alert_event_log', 'event_time'],
      ['stl_utilitytext', 'starttime'],
    ];
    for (const [table, col] of checks) {
      const [r] = await query(
        `SELECT count(*) AS bad FROM read_parquet('${glob(table)}', hive_partitioning=true) WHERE CAST(${col} AS DATE) <> CAST(startdate AS DATE)`,
      );
      expect(Number(r?.bad), table).toBe(0);
    }
  });

  it('writes FLE values that decrypt to what the generator produced, for both suites and unpadded base64', async () => {
    const clusters = summary.marker.clusters;
    expect(clusters.map((c) => [c.suite, c.base64Padding])).toEqual([
      [0x0378, true],
      [0x0178, false],
    ]);
    for (const c of clusters) {
      const rows = await query(
        `SELECT query, sequence, text FROM read_parquet('${glob('stl_querytext')}', hive_partitioning=true) WHERE clusterid = '${c.id}' ORDER BY length(text) % 4 DESC, query LIMIT 3`,
      );
      for (const r of rows) {
        const value = String(r.text);
        expect(value.startsWith(c.suite === 0x0378 ? 'AYAD' : 'AYAB')).toBe(true);
        expect(value.includes('=')).toBe(c.base64Padding && value.endsWith('='));
        const expected = expectedPlaintext(summary.marker.options, c.id, { table: 'stl_querytext', query: Number(r.query), sequence: Number(r.sequence) });
        expect(expected).not.toBeNull();
        expect(await decryptSampleValue(value)).toBe(expected);
      }
      if (!c.base64Padding) expect(rows.some((r) => String(r.text).length % 4 !== 0)).toBe(true);
    }
    const [ddl] = await query(
      `SELECT xid, sequence, text FROM read_parquet('${glob('stl_utilitytext')}', hive_partitioning=true) WHERE clusterid = 'prod-etl-use1' LIMIT 1`,
    );
    expect(await decryptSampleValue(String(ddl?.text))).toBe(
      expectedPlaintext(summary.marker.options, 'prod-etl-use1', { table: 'stl_utilitytext', xid: Number(ddl?.xid), sequence: Number(ddl?.sequence) }),
    );
  });

  it('returns at once with ifMissing when the sample is complete', async () => {
    const again = await generateSample({ ...SMALL, out: OUT, ifMissing: true });
    expect(again.skipped).toBe(true);
    expect(again.marker.generatedAt).toBe(summary.marker.generatedAt);
  });

  it('regenerates with ifMissing when the sample was written by another version of the generator', async () => {
    const markerPath = join(OUT, MARKER_FILE);
    const stale = { ...(JSON.parse(readFileSync(markerPath, 'utf8')) as Record<string, unknown>), generator: 'an-older-generator' };
    writeFileSync(markerPath, JSON.stringify(stale));
    const again = await generateSample({ ...SMALL, out: OUT, ifMissing: true });
    expect(again.skipped).toBe(false);
    expect(again.marker.generator).toBe(summary.marker.generator);
    expect(again.marker.counts).toEqual(summary.marker.counts);
  });

  it('regenerates identical plaintext rows (no-encrypt) and replaces the old sample', async () => {
    const out2 = join(BASE, 'plain');
    const a = await generateSample({ ...SMALL, out: out2, encrypt: false });
    const sig = async (): Promise<string> =>
      JSON.stringify(
        await query(
          `SELECT md5(string_agg(text, '|' ORDER BY clusterid, query, sequence)) AS h FROM read_parquet('${join(out2, DATA_PREFIX, 'stl_querytext', '*/*/*.parquet')}', hive_partitioning=true)`,
        ),
      );
    const [keys] = await query(
      `SELECT count(*) - count(DISTINCT (clusterid, query, sequence)) AS dup FROM read_parquet('${join(out2, DATA_PREFIX, 'stl_querytext', '*/*/*.parquet')}', hive_partitioning=true)`,
    );
    // The signature's ORDER BY must be a total order, or it is flaky rather than a determinism check.
    expect(Number(keys?.dup)).toBe(0);
    const first = await sig();
    const b = await generateSample({ ...SMALL, out: out2, encrypt: false });
    expect(await sig()).toBe(first);
    expect(b.marker.counts).toEqual(a.marker.counts);
    expect(a.marker.counts).toEqual(summary.marker.counts);
    expect(readdirSync(BASE).sort()).toEqual(['plain', 'sample']);
  });
});
