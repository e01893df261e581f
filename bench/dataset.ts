/**
 * The fleet-size benchmark dataset: built once by the sample generator with
 * encryption off and cached outside the repository, keyed by a hash of its
 * parameters. The generator writes `sample.json` last, so its presence marks
 * a complete dataset.
 */

import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** Generator parameters of a benchmark dataset. */
export interface DatasetParams {
  clusters: number;
  days: number;
  queriesPerDay: number;
  /** Fixed so the cache key and the rows stay the same from run to run. */
  endDate: string;
  seed: number;
}

/**
 * Fleet size: 8 clusters x 30 days; 16,000 queries a day per cluster gives
 * about 3.8 M stl_query and 32 M stl_scan rows (the weekly average holds the
 * volume; weekends carry less).
 */
export const FLEET_PARAMS: DatasetParams = { clusters: 8, days: 30, queriesPerDay: 16_000, endDate: '2026-11-01', seed: 20240601 };

/** Bumped when the generator's output changes shape, so an old cache is not reused. */
const LAYOUT_VERSION = 1;

/** Stable cache folder of a dataset: `~/.cache/clusterscope/bench-<hash>`. */
export function datasetDir(params: DatasetParams, cacheRoot: string = join(homedir(), '.cache', 'clusterscope')): string {
  const key = JSON.stringify({ v: LAYOUT_VERSION, ...params, encrypt: false });
  const hash = createHash('sha256').update(key).digest('hex').slice(0, 12);
  return resolve(cacheRoot, `bench-${hash}`);
}

/** Whether the generator finished writing the dataset at dir. */
export function isComplete(dir: string): boolean {
  return existsSync(join(dir, 'sample.json'));
}

/** Total bytes and files under a folder. */
export function folderSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) {
        bytes += statSync(p).size;
        files += 1;
      }
    }
  };
  walk(dir);
  return { bytes, files };
}

/**
 * Builds the dataset with the sample generator unless a complete one is
 * cached. Runs at low priority: the generator is CPU-bound for minutes.
 */
export async function ensureDataset(params: DatasetParams, dir: string = datasetDir(params)): Promise<string> {
  if (isComplete(dir)) return dir;
  const args = [
    '-n',
    '15',
    process.execPath,
    '--import',
    'tsx',
    resolve('lib/sample/cli.ts'),
    '--clusters',
    String(params.clusters),
    '--days',
    String(params.days),
    '--queries-per-day',
    String(params.queriesPerDay),
    '--end-date',
    params.endDate,
    '--seed',
    String(params.seed),
    '--no-encrypt',
    '--if-missing',
    '--out',
    dir,
  ];
  process.stdout.write(`Generating the benchmark dataset at ${dir} (once; this takes a while)\n`);
  await new Promise<void>((done, fail) => {
    const child = spawn('nice', args, { stdio: 'inherit' });
    child.on('error', fail);
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`sample generator exited with ${code}`))));
  });
  if (!isComplete(dir)) throw new Error(`dataset at ${dir} is incomplete after generation`);
  return dir;
}
