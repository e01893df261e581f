/**
 * Builds a manifest for whatever source is configured. A local folder or an S3
 * prefix; other kinds give an empty manifest whose `problem` says why.
 */
import { s3Manifest } from '../s3/route';
import { buildLocalManifest, type LocalManifestOptions } from './local';
import type { ResolvedSource } from './source';
import type { CatalogManifest } from './types';

/** Builds the manifest for `source`; never throws for a misconfigured source. */
export async function buildManifest(source: ResolvedSource, options: LocalManifestOptions = {}): Promise<CatalogManifest> {
  if (source.kind === 'local') return buildLocalManifest(source.root, options);
  if (source.kind === 's3' || source.kind === 's3-multi') return s3Manifest(source);
  const builtAt = (options.now ?? (() => new Date()))().toISOString();
  return { source: source.source, builtAt, tables: [], warnings: [], problem: source.problem };
}
