/**
 * Bundles the FLE decrypt worker into public/fle/ before the Next.js build.
 * esbuild (not Turbopack) so the bundle is one self-hosted file with a stable
 * URL, and a global `Buffer` for signed messages.
 */
import { build } from 'esbuild';
import path from 'node:path';

const root = path.resolve(__dirname, '..');

async function main(): Promise<void> {
  await build({
    entryPoints: [path.join(root, 'lib', 'fle', 'worker', 'fle-worker.ts')],
    outfile: path.join(root, 'public', 'fle', 'fle-worker.js'),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    inject: [path.join(root, 'lib', 'fle', 'worker', 'buffer-shim.ts')],
    logLevel: 'warning',
  });
  console.log('FLE worker ready in public/fle');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
