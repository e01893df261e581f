import { build } from 'esbuild';

/**
 * Bundles a Web Worker into one self-hosted file with a stable URL. esbuild, not
 * Turbopack: a worker must be one classic script the page can start by URL.
 */
export async function bundleWorker(entry: string, outfile: string, inject: string[] = []): Promise<void> {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    inject,
    logLevel: 'warning',
  });
}
