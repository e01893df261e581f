/**
 * `npm run bench`: DuckDB-WASM in headless Chromium against native DuckDB on
 * the same files. Flags:
 *   --smoke              the bundled sample, one-cluster-day scope, one warm run (CI: proves it runs)
 *   --no-build           reuse the existing production build
 *   --warm-runs N        warm runs per statement (default 2; the median counts)
 *   --only TEXT          only statements whose key contains TEXT (cold start only for `--only cold-start`)
 *   --queries-per-day N, --clusters N, --days N   a smaller or larger dataset
 *   --port N             port of the app server (default 3801)
 * Prints a table and writes bench/results/latest.json.
 */

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildLocalManifest } from '../lib/catalog/local';
import type { CatalogManifest } from '../lib/catalog/types';
import { FLEET_OVERVIEW_ID } from '../lib/dashboards/shipped';
import { readMarker } from '../lib/sample/marker';
import { BrowserBench, startServer } from './browser';
import { datasetDir, ensureDataset, FLEET_PARAMS, folderSize, type DatasetParams } from './dataset';
import { NativeEngine } from './native';
import { NeededBytes } from './needed-bytes';
import { formatTable, median, readPrevious, summarise, writeResult, type BenchResult, type QueryFigures } from './report';
import { buildSuite, inScope, suiteScopes, type BenchQuery } from './suite';

/** The dashboard whose full rendering ends the app's cold start (the issue's "Fleet overview fully rendered"). */
const COLD_START_DASHBOARD = FLEET_OVERVIEW_ID;
/** Smoke and `--only` runs keep their own files, so they never become the full fleet run's previous result. */
const resultFile = (f: Flags): string => path.resolve(`bench/results/${f.smoke ? 'smoke' : f.only !== undefined ? 'only' : 'latest'}.json`);
/** Rewritten after every statement, so a run cut short still leaves its figures. */
const partialFile = (f: Flags): string => resultFile(f).replace(/\.json$/, '.partial.json');

interface Flags {
  smoke: boolean;
  build: boolean;
  warmRuns: number;
  only?: string;
  port: number;
  params: DatasetParams;
}

function flags(argv: string[]): Flags {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      smoke: { type: 'boolean' },
      'no-build': { type: 'boolean' },
      'warm-runs': { type: 'string' },
      only: { type: 'string' },
      port: { type: 'string' },
      clusters: { type: 'string' },
      days: { type: 'string' },
      'queries-per-day': { type: 'string' },
    },
  });
  const int = (name: string, value: string | undefined, fallback: number): number => {
    if (value === undefined) return fallback;
    if (!/^\d+$/.test(value) || Number(value) < 1) throw new Error(`--${name} expects a positive whole number, got "${value}"`);
    return Number(value);
  };
  return {
    smoke: values.smoke === true,
    build: values['no-build'] !== true,
    warmRuns: int('warm-runs', values['warm-runs'], values.smoke ? 1 : 2),
    only: values.only,
    port: int('port', values.port, 3801),
    params: {
      ...FLEET_PARAMS,
      clusters: int('clusters', values.clusters, FLEET_PARAMS.clusters),
      days: int('days', values.days, FLEET_PARAMS.days),
      queriesPerDay: int('queries-per-day', values['queries-per-day'], FLEET_PARAMS.queriesPerDay),
    },
  };
}

function log(message: string): void {
  process.stdout.write(`${message}\n`);
}

async function dataset(f: Flags): Promise<{ root: string; params: Record<string, unknown> }> {
  if (f.smoke) {
    const root = path.resolve('data/sample');
    // The bundled sample; `npm start` makes it, and so does this when it is missing.
    const made = spawnSync(process.execPath, ['--import', 'tsx', 'lib/sample/cli.ts', '--if-missing', '--out', root], { stdio: 'inherit' });
    if (made.status !== 0) throw new Error('could not generate the bundled sample');
    return { root, params: { ...(readMarker(root)?.options ?? {}), sample: 'bundled' } };
  }
  const root = await ensureDataset(f.params, datasetDir(f.params));
  return { root, params: { ...f.params } };
}

/** Clusters from the partitions; the last day from the generator's end date (queries running past midnight leave a few rows in the day after). */
function facts(manifest: CatalogManifest, endDate: string | undefined): { clusters: string[]; lastDay: string } {
  const files = manifest.tables.flatMap((t) => t.files);
  const clusters = [...new Set(files.map((file) => file.partition.clusterid ?? ''))].filter(Boolean).sort();
  const lastDay =
    endDate ??
    files
      .map((file) => file.partition.startdate ?? '')
      .sort()
      .at(-1) ??
    '';
  return { clusters, lastDay };
}

/** Native figures of one statement. */
interface NativeFigures {
  one: number;
  all: number;
  needed: Awaited<ReturnType<NeededBytes['bytes']>>;
}

/** Native engines kept open for the whole run. */
interface Natives {
  needed: NeededBytes;
  one: NativeEngine;
  all: NativeEngine;
  close(): void;
}

async function openNatives(root: string, manifest: CatalogManifest): Promise<Natives> {
  const needed = await NeededBytes.open(root, manifest);
  const one = await NativeEngine.open(root, manifest, 1);
  const all = await NativeEngine.open(root, manifest, null);
  return {
    needed,
    one,
    all,
    close: () => {
      needed.close();
      one.close();
      all.close();
    },
  };
}

/**
 * Native timings of one statement, taken right after its browser runs so both
 * see the same load on a shared machine: a warm-up run, then the median of `runs`.
 */
async function nativeFigures(natives: Natives, q: BenchQuery, runs: number): Promise<NativeFigures> {
  const time = async (engine: NativeEngine): Promise<number> => {
    await engine.run(q.sql);
    const ms: number[] = [];
    for (let i = 0; i < runs; i++) ms.push((await engine.run(q.sql)).ms);
    return median(ms);
  };
  const one = await time(natives.one).catch(() => NaN);
  const all = await time(natives.all).catch(() => NaN);
  return { one, all, needed: await natives.needed.bytes(q.sql, q.scope) };
}

async function main(): Promise<void> {
  const f = flags(process.argv.slice(2));
  const { root, params } = await dataset(f);
  const size = folderSize(root);
  const marker = readMarker(root);
  log(`Dataset ${root}: ${(size.bytes / 1024 / 1024).toFixed(1)} MiB in ${size.files} files`);
  if (marker)
    log(
      `  rows: ${Object.entries(marker.counts)
        .map(([t, n]) => `${t} ${n.toLocaleString('en-US')}`)
        .join(', ')}`,
    );

  const manifest = await buildLocalManifest(root);
  if (manifest.problem) throw new Error(manifest.problem);
  // The smoke run proves the harness works end to end; the small scope keeps it near a minute.
  const datasetFacts = facts(manifest, marker?.options.endDate);
  const suite = buildSuite(datasetFacts, f.only ?? (f.smoke ? '@cluster-day' : undefined));
  log(`Suite: ${suite.length} statements`);

  const natives = await openNatives(root, manifest);

  if (f.build) {
    log('Building the app (npm run build)…');
    execFileSync('npm', ['run', '--silent', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'cs-bench-'));
  const server = await startServer(f.port, root, path.join(tmp, 'metadata.db'));
  // An interrupted run must not leave its server holding the port.
  const interrupted = (): void => {
    server.stop();
    process.exit(130);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  const browser = await BrowserBench.launch(server);
  const queries: QueryFigures[] = [];
  const coldStartWanted = f.only === undefined || 'cold-start'.includes(f.only);
  const coldStartTarget = `/dashboards/${COLD_START_DASHBOARD} fully rendered (every tile done, no tile error)`;
  let coldStart = { appMs: NaN, floorMs: NaN, target: coldStartTarget };
  const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).stdout.trim();
  const snapshot = (figures: QueryFigures[]): BenchResult => ({
    format: 'clusterscope-bench',
    version: 1,
    finishedAt: new Date().toISOString(),
    commit,
    dataset: { dir: root, params, bytes: size.bytes, files: size.files, counts: marker?.counts },
    smoke: f.smoke,
    queries: figures,
    summary: summarise(figures, coldStart, browser.peaks),
  });
  try {
    // Cold start first, so a long fleet run that is cut short still has it.
    // The floor counts one stl_query file of the dashboard's default scope (all clusters, last days).
    const fleetScope = suiteScopes(datasetFacts)[0];
    const floorFile =
      manifest.tables.find((t) => t.name === 'stl_query')?.files.find((file) => fleetScope && inScope(file, fleetScope)) ?? manifest.tables[0]?.files[0];
    if (floorFile && coldStartWanted) {
      const reps = f.smoke ? 1 : 2;
      const app: number[] = [];
      const floor: number[] = [];
      for (let i = 0; i < reps; i++) {
        floor.push(await browser.coldStartFloor(floorFile.path));
        app.push(
          await browser.coldStartDashboard(COLD_START_DASHBOARD).catch((error: unknown) => {
            log(`  cold start: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
            return NaN;
          }),
        );
      }
      // A failed render is no figure at all: the median must not hide it.
      coldStart = { appMs: app.some(Number.isNaN) ? NaN : median(app), floorMs: median(floor), target: coldStartTarget };
      log(`  cold start: app ${app.map((v) => v.toFixed(0)).join('/')} ms, floor ${floor.map((v) => v.toFixed(0)).join('/')} ms`);
    }
    for (const q of suite) {
      const run = await browser.measure(q.sql, f.warmRuns, { trustedPartitionFilters: q.trustedPartitionFilters });
      const n = await nativeFigures(natives, q, f.smoke ? 1 : 3);
      const warmMs = median(run.warmMs);
      const figures: QueryFigures = {
        key: q.key,
        title: q.title,
        rows: run.rows,
        coldMs: run.coldMs,
        warmMs,
        native1Ms: n.one,
        nativeAllMs: n.all,
        coldRatio: run.coldMs / n.one,
        warmRatio: warmMs / n.one,
        nativeSpeedup: n.one / n.all,
        bytesFetched: run.bytesFetched,
        bytesNeeded: n.needed.bytes,
        bytesRatio: n.needed.bytes > 0 ? run.bytesFetched / n.needed.bytes : NaN,
        requests: run.requests,
        filesRead: run.filesRead,
        columns: n.needed.columns,
        ...(run.error ? { error: run.error } : {}),
      };
      queries.push(figures);
      writeFileSync(partialFile(f), `${JSON.stringify(snapshot(queries), null, 2)}\n`);
      log(
        `  ${q.key}: cold ${figures.coldMs.toFixed(0)} ms, warm ${warmMs.toFixed(0)} ms, native ${n.one.toFixed(0)}/${n.all.toFixed(0)} ms, ${run.requests} requests, bytes x${figures.bytesRatio.toFixed(2)}${run.error ? `, ERROR ${run.error}` : ''}`,
      );
    }
  } finally {
    await browser.close();
    server.stop();
    natives.close();
    rmSync(tmp, { recursive: true, force: true });
  }

  const file = resultFile(f);
  const previous = readPrevious(file);
  const result = snapshot(queries);
  log('');
  log(formatTable(result, previous));
  writeResult(file, result);
  log(`\nWrote ${path.relative(process.cwd(), file)}`);
  if (result.summary.errors > 0 || (coldStartWanted && Number.isNaN(result.summary.coldStartAppMs))) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`Benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
