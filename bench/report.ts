/**
 * Ratios, the stdout table, and `bench/results/latest.json` with the change
 * against the previous result.
 */

import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { MemoryPeaks } from './browser';

/** Every figure of one statement. */
export interface QueryFigures {
  key: string;
  title: string;
  rows: number;
  coldMs: number;
  warmMs: number;
  native1Ms: number;
  nativeAllMs: number;
  coldRatio: number;
  warmRatio: number;
  /** Native 1 thread / native all threads. */
  nativeSpeedup: number;
  bytesFetched: number;
  bytesNeeded: number;
  bytesRatio: number;
  requests: number;
  filesRead: number;
  columns: Record<string, string[]>;
  error?: string;
}

/** One benchmark run. */
export interface BenchResult {
  format: 'clusterscope-bench';
  version: 1;
  finishedAt: string;
  commit: string;
  dataset: { dir: string; params: Record<string, unknown>; bytes: number; files: number; counts?: Record<string, number> };
  smoke: boolean;
  queries: QueryFigures[];
  summary: {
    coldGeomean: number;
    warmGeomean: number;
    worstBytesRatio: number;
    coldStartAppMs: number;
    coldStartFloorMs: number;
    coldStartRatio: number;
    coldStartTarget: string;
    peakWasmBytes: number;
    peakJsHeapBytes: number;
    peakRangeCacheBytes: number;
    errors: number;
  };
}

/** Geometric mean of the finite positive values. */
export function geomean(values: readonly number[]): number {
  const ok = values.filter((v) => Number.isFinite(v) && v > 0);
  if (ok.length === 0) return NaN;
  return Math.exp(ok.reduce((s, v) => s + Math.log(v), 0) / ok.length);
}

/** Median; NaN for none. */
export function median(values: readonly number[]): number {
  const sorted = values
    .filter(Number.isFinite)
    .slice()
    .sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Summary figures of a run. */
export function summarise(
  queries: readonly QueryFigures[],
  coldStart: { appMs: number; floorMs: number; target: string },
  peaks: MemoryPeaks,
): BenchResult['summary'] {
  return {
    coldGeomean: geomean(queries.map((q) => q.coldRatio)),
    warmGeomean: geomean(queries.map((q) => q.warmRatio)),
    worstBytesRatio: Math.max(...queries.map((q) => q.bytesRatio).filter(Number.isFinite)),
    coldStartAppMs: coldStart.appMs,
    coldStartFloorMs: coldStart.floorMs,
    coldStartRatio: coldStart.appMs / coldStart.floorMs,
    coldStartTarget: coldStart.target,
    peakWasmBytes: peaks.wasmBytes,
    peakJsHeapBytes: peaks.jsHeapBytes,
    peakRangeCacheBytes: peaks.rangeCacheBytes,
    errors: queries.filter((q) => q.error).length,
  };
}

const fmt = (v: number, digits = 2): string => (Number.isFinite(v) ? v.toFixed(digits) : '-');
const ms = (v: number): string => (Number.isFinite(v) ? v.toFixed(0) : '-');
const mib = (v: number): string => (Number.isFinite(v) ? (v / 1024 / 1024).toFixed(1) : '-');

function change(now: number, before: number | undefined): string {
  if (before === undefined || !Number.isFinite(before) || !Number.isFinite(now) || before === 0) return '';
  const pct = ((now - before) / before) * 100;
  return ` (${pct >= 0 ? '+' : ''}${pct.toFixed(0)}%)`;
}

/** The stdout table; with a previous result, each ratio shows its change. */
export function formatTable(result: BenchResult, previous: BenchResult | null): string {
  const prev = new Map((previous?.queries ?? []).map((q) => [q.key, q]));
  const header = ['query', 'rows', 'cold ms', 'warm ms', 'nat1 ms', 'natN ms', 'cold/n1', 'warm/n1', 'MiB got', 'MiB need', 'bytes x', 'req'];
  const lines = result.queries.map((q) => {
    const p = prev.get(q.key);
    return [
      q.key,
      // The full message is in the JSON; the table keeps its columns readable.
      q.error ? `ERROR ${q.error.replace(/^.*?Error: /, '').slice(0, 40)}…` : String(q.rows),
      ms(q.coldMs),
      ms(q.warmMs),
      ms(q.native1Ms),
      ms(q.nativeAllMs),
      fmt(q.coldRatio) + change(q.coldRatio, p?.coldRatio),
      fmt(q.warmRatio) + change(q.warmRatio, p?.warmRatio),
      mib(q.bytesFetched),
      mib(q.bytesNeeded),
      fmt(q.bytesRatio) + change(q.bytesRatio, p?.bytesRatio),
      String(q.requests),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const row = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  const s = result.summary;
  const ps = previous?.summary;
  return [
    row(header),
    ...lines.map(row),
    '',
    `warm geomean vs native 1 thread: ${fmt(s.warmGeomean)}${change(s.warmGeomean, ps?.warmGeomean)}   (target <= 2.0, goal 1.5)`,
    `cold geomean vs native 1 thread: ${fmt(s.coldGeomean)}${change(s.coldGeomean, ps?.coldGeomean)}`,
    `worst bytes-fetched ratio:       ${fmt(s.worstBytesRatio)}${change(s.worstBytesRatio, ps?.worstBytesRatio)}   (target <= 1.3 for every query)`,
    `cold start: ${ms(s.coldStartAppMs)} ms app / ${ms(s.coldStartFloorMs)} ms floor = ${fmt(s.coldStartRatio)}${change(s.coldStartRatio, ps?.coldStartRatio)}   (target <= 1.5; app = ${s.coldStartTarget})`,
    `peak memory: wasm ${mib(s.peakWasmBytes)} MiB, page JS heap ${mib(s.peakJsHeapBytes)} MiB, worker range cache ${mib(s.peakRangeCacheBytes ?? 0)} MiB; errors: ${s.errors}`,
  ].join('\n');
}

/** Reads the previous result, if any. */
export function readPrevious(file: string): BenchResult | null {
  if (!existsSync(file)) return null;
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as BenchResult;
    return parsed.format === 'clusterscope-bench' ? parsed : null;
  } catch {
    return null;
  }
}

/** Writes the result atomically; the old one is kept beside it as `<name>.previous.json`. */
export function writeResult(file: string, result: BenchResult): void {
  mkdirSync(path.dirname(file), { recursive: true });
  if (existsSync(file)) renameSync(file, file.replace(/\.json$/, '.previous.json'));
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(result, null, 2)}\n`);
  renameSync(tmp, file);
}
