/**
 * `npm start`: runs the console on the configured source with no setup.
 * 1. When the source is the bundled sample and it is missing, generate it.
 * 2. Build the app (the one build, scripts/build/index.ts) when there is no build,
 *    when one of its outputs is missing, or when sources changed since.
 * 3. Serve it with `next start` on PORT (default 3000) and HOST (default 127.0.0.1).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_SOURCE, SOURCE_ENV } from '../lib/catalog/source';
import { buildApp, missingBuildOutputs } from './build';

const root = path.resolve(__dirname, '..');
const bin = (name: string): string => path.join(root, 'node_modules', '.bin', name);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

/** Folders and files whose changes need a new build. */
const BUILD_INPUTS = ['app', 'components', 'lib', 'public', 'next.config.js', 'package.json', 'tsconfig.json'];

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target, { withFileTypes: true })) {
    if (entry.name === 'duckdb' && target.endsWith('public')) continue; // written by the build itself
    newest = Math.max(newest, newestMtime(path.join(target, entry.name)));
  }
  return newest;
}

/** Why the app must be built before it is served, or null when the build is current. */
function buildReason(): string | null {
  const missing = missingBuildOutputs();
  if (missing.length > 0) return `first start, or ${missing.join(', ')} missing`;
  const built = statSync(path.join(root, '.next', 'BUILD_ID')).mtimeMs;
  const changed = BUILD_INPUTS.find((input) => newestMtime(path.join(root, input)) > built);
  return changed ? `${changed} changed since the last build` : null;
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`\n${path.basename(command)} ${args.join(' ')} failed.`);
    process.exit(result.status ?? 1);
  }
}

async function main(): Promise<void> {
  const source = process.env[SOURCE_ENV]?.trim();
  if (!source || path.resolve(root, source) === path.resolve(root, DEFAULT_SOURCE)) {
    const sample = path.join(root, DEFAULT_SOURCE);
    if (!existsSync(path.join(sample, 'sample.json'))) console.log('[start 1/3] Generating the bundled sample (first start only)…');
    run(bin('tsx'), [path.join(root, 'lib', 'sample', 'cli.ts'), '--if-missing', '--out', sample]);
  }
  const reason = buildReason();
  if (reason) {
    console.log(`[start 2/3] Building ClusterScope (${reason})…`);
    try {
      await buildApp({ log: (line) => console.log(`  ${line}`) });
    } catch (error) {
      console.error(`\nThe build failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    }
  }
  const port = process.env.PORT ?? '3000';
  const host = process.env.HOST ?? '127.0.0.1';
  console.log(`[start 3/3] ClusterScope on http://${host === '127.0.0.1' ? 'localhost' : host}:${port} (source: ${source || DEFAULT_SOURCE})`);
  const server = spawn(bin('next'), ['start', '-p', port, '-H', host], { cwd: root, env, stdio: 'inherit' });
  const stop = (signal: NodeJS.Signals): void => {
    server.kill(signal);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.on('exit', (code) => process.exit(code ?? 0));
}

void main();
