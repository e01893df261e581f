import { requireUser } from '@/lib/auth/guard';
import { serveCatalogFile } from '@/lib/catalog/serve-file';
import { resolveSource } from '@/lib/catalog/source';
import { s3FileRoute } from '@/lib/s3/route';
import { errorResponse } from '@/lib/store/http';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

interface FileRouteContext {
  /** Next 16 passes params as a promise; each segment is already URL-decoded. */
  params: Promise<{ path: string[] }>;
}

function serve(request: Request, segments: string[]): Promise<Response> {
  const source = resolveSource();
  return source.kind === 's3' || source.kind === 's3-multi' ? s3FileRoute(request, segments, source) : serveCatalogFile(request, segments);
}

/**
 * A catalog file by its manifest path, with range and conditional request support.
 * On an S3 source: proxied from S3 with Range, or `?presign=1` for a presigned URL.
 */
export async function GET(request: Request, context: FileRouteContext): Promise<Response> {
  return serveSignedIn(request, context);
}

/** Same headers as GET, no body; DuckDB uses it to learn the file size. */
export async function HEAD(request: Request, context: FileRouteContext): Promise<Response> {
  return serveSignedIn(request, context);
}

async function serveSignedIn(request: Request, context: FileRouteContext): Promise<Response> {
  try {
    await requireUser(request, 'viewer');
  } catch (error) {
    return errorResponse(error);
  }
  return serve(request, (await context.params).path);
}
