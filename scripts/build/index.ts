/**
 * The one build of ClusterScope. `npm run build`, `npm start`, `npm test` and
 * `npm run bench` all come through here, so a feature's assets can never be
 * built by one path and missing from another (the FLE worker once was).
 *
 *   tsx scripts/build/index.ts                # engine assets, FLE worker, then `next build`
 *   tsx scripts/build/index.ts --assets-only  # the self-hosted assets only (for `next dev`)
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DUCKDB_ASSET_BASE, ENGINE_WORKER_FILE } from '../../lib/engine/assets';
import { buildEngineAssets } from './engine-assets';
import { FLE_WORKER_OUTPUT, buildFleWorker } from './fle-worker';

const root = path.resolve(__dirname, '..', '..');

interface BuildStep {
  title: string;
  run: () => Promise<string | void>;
}

function nextBuild(): Promise<void> {
  const next = path.join(root, 'node_modules', '.bin', 'next');
  const result = spawnSync(next, ['build'], {
    cwd: root,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0) return Promise.reject(new Error(`next build failed (exit ${result.status ?? result.signal ?? 'unknown'})`));
  return Promise.resolve();
}

const ASSET_STEPS: readonly BuildStep[] = [
  { title: 'engine assets (DuckDB-WASM, self-hosted)', run: buildEngineAssets },
  { title: 'FLE decrypt worker', run: buildFleWorker },
];

/**
 * Files a served build cannot work without, relative to the repository. `npm start`
 * rebuilds when one is missing, whatever the timestamps say.
 */
export const BUILD_OUTPUTS: readonly string[] = [path.join('.next', 'BUILD_ID'), path.join('public', DUCKDB_ASSET_BASE, ENGINE_WORKER_FILE), FLE_WORKER_OUTPUT];

/** The outputs that are missing, so a caller can say why it builds. */
export function missingBuildOutputs(): string[] {
  return BUILD_OUTPUTS.filter((output) => !existsSync(path.join(root, output)));
}

/** Runs the build, printing each step with its time; rejects on the first failing step. */
export async function buildApp(options: { assetsOnly?: boolean; log?: (line: string) => void } = {}): Promise<void> {
  const log = options.log ?? ((line: string): void => console.log(line));
  const steps = options.assetsOnly ? ASSET_STEPS : [...ASSET_STEPS, { title: 'Next.js production build', run: nextBuild }];
  const started = performance.now();
  for (const [index, step] of steps.entries()) {
    const stepStarted = performance.now();
    log(`[build ${index + 1}/${steps.length}] ${step.title}…`);
    const where = await step.run();
    log(`[build ${index + 1}/${steps.length}] done in ${((performance.now() - stepStarted) / 1000).toFixed(1)} s${where ? ` (${where})` : ''}`);
  }
  log(`Build finished in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

if (require.main === module) {
  buildApp({ assetsOnly: process.argv.includes('--assets-only') }).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
