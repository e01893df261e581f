/**
 * Builds a manifest for whatever source is configured. Today that means a local
 * folder; other kinds give an empty manifest whose `problem` says why.
 */
import { buildLocalManifest, type LocalManifestOptions } from './local';
import type { ResolvedSource } from './source';
import type { CatalogManifest } from './types';

/** Builds the manifest for `source`; never throws for a misconfigured source. */
export async function buildManifest(source: ResolvedSource, options: LocalManifestOptions = {}): Promise<CatalogManifest> {
  if (source.kind === 'local') return buildLocalManifest(source.root, options);
  const builtAt = (options.now ?? (() => new Date()))().toISOString();
  return { source: source.source, builtAt, tables: [], warnings: [], problem: source.problem };
}
