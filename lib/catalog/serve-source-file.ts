/** The file route's source switch, shared by single reads and range batches. */
import { serveCatalogFile } from './serve-file';
import { resolveSource } from './source';
import { s3FileRoute } from '../s3/route';

/** One catalog file from the configured source: the local folder, or S3. */
export function serveFile(request: Request, segments: string[]): Promise<Response> {
  const source = resolveSource();
  return source.kind === 's3' || source.kind === 's3-multi' ? s3FileRoute(request, segments, source) : serveCatalogFile(request, segments);
}
