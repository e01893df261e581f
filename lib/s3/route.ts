/**
 * Wires the catalog and file routes to the shared S3 catalogs of the configured
 * source: one S3 prefix, or several named ones merged into one manifest.
 */
import { sessionOf } from '../auth/guard';
import type { CatalogManifest } from '../catalog/types';
import { getS3Client } from './client';
import type { S3Location } from './location';
import { s3CatalogFor } from './registry';
import { presignSeconds, serveS3File } from './serve-object';
import { mergedManifest, splitSourcePath, type NamedSource } from './sources';

/** The configured S3 source(s), as `resolveSource` gives them. */
export type S3Source = { kind: 's3'; source: string; location: S3Location } | { kind: 's3-multi'; source: string; sources: NamedSource[] };

/** The manifest of the configured S3 source(s). */
export function s3Manifest(source: S3Source, options: { refresh?: boolean; allowStale?: boolean } = {}): Promise<CatalogManifest> {
  if (source.kind === 's3') return s3CatalogFor(source).get(options);
  return mergedManifest(
    source.sources.map((named) => ({ name: named.name, catalog: s3CatalogFor(named) })),
    options,
  );
}

/** The file route's answer for an S3 source (see {@link serveS3File}). */
export function s3FileRoute(request: Request, segments: readonly string[], source: S3Source): Promise<Response> {
  let target: { source: string; location: S3Location } | undefined = source.kind === 's3' ? source : undefined;
  let rest = segments;
  if (source.kind === 's3-multi') {
    const split = splitSourcePath(segments);
    target = split ? source.sources.find((named) => named.name === split.name) : undefined;
    rest = split?.rest ?? [];
  }
  if (!target) return Promise.resolve(Response.json({ error: `not in the catalog: ${segments.join('/')}` }, { status: 404 }));
  const catalog = s3CatalogFor(target);
  return serveS3File(request, rest, {
    client: getS3Client(),
    bucket: target.location.bucket,
    manifest: () => catalog.get({ allowStale: true }),
    keyOf: catalog.keyOf,
    objectGone: () => {
      void catalog.get({ full: true });
    },
    expiresInSeconds: presignSeconds(),
    stillSignedIn: async () => (await sessionOf(request)) !== null,
  });
}
