/**
 * Wires the file route to the shared S3 catalog of the configured source.
 */
import { getS3Client } from './client';
import type { S3Location } from './location';
import { s3CatalogFor } from './registry';
import { presignSeconds, serveS3File } from './serve-object';

/** The file route's answer for an S3 source (see {@link serveS3File}). */
export function s3FileRoute(request: Request, segments: readonly string[], source: { source: string; location: S3Location }): Promise<Response> {
  const catalog = s3CatalogFor(source);
  return serveS3File(request, segments, {
    client: getS3Client(),
    bucket: source.location.bucket,
    manifest: () => catalog.get({ allowStale: true }),
    keyOf: catalog.keyOf,
    objectGone: () => {
      void catalog.get({ full: true });
    },
    expiresInSeconds: presignSeconds(),
  });
}
