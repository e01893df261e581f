/**
 * `npm start`: runs the console on the configured source with no setup.
 * 1. When the source is the bundled sample and it is missing, generate it.
 * 2. Build the app when there is no build, or when sources changed since.
 * 3. Serve it with `next start` on PORT (default 3000) and HOST (default 127.0.0.1).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_SOURCE, SOURCE_ENV } from '../lib/catalog/source';

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

function needsBuild(): boolean {
  const stamp = path.join(root, '.next', 'BUILD_ID');
  if (!existsSync(stamp)) return true;
  const built = statSync(stamp).mtimeMs;
  return BUILD_INPUTS.some((input) => newestMtime(path.join(root, input)) > built);
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`\n${path.basename(command)} ${args.join(' ')} failed.`);
    process.exit(result.status ?? 1);
  }
}

function main(): void {
  const source = process.env[SOURCE_ENV]?.trim();
  if (!source || path.resolve(root, source) === path.resolve(root, DEFAULT_SOURCE)) {
    run(bin('tsx'), [path.join(root, 'lib', 'sample', 'cli.ts'), '--if-missing', '--out', path.join(root, DEFAULT_SOURCE)]);
  }
  if (needsBuild()) {
    console.log('Building ClusterScope (first start or sources changed)…');
    run(bin('tsx'), [path.join(root, 'scripts', 'copy-duckdb.ts')]);
    run(bin('next'), ['build']);
  }
  const port = process.env.PORT ?? '3000';
  const host = process.env.HOST ?? '127.0.0.1';
  console.log(`ClusterScope on http://${host === '127.0.0.1' ? 'localhost' : host}:${port} (source: ${source || DEFAULT_SOURCE})`);
  const server = spawn(bin('next'), ['start', '-p', port, '-H', host], { cwd: root, env, stdio: 'inherit' });
  const stop = (signal: NodeJS.Signals): void => {
    server.kill(signal);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.on('exit', (code) => process.exit(code ?? 0));
}

main();
