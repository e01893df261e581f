import { requireUser } from '@/lib/auth/guard';
import { errorResponse } from '@/lib/store/http';
import { serveFile } from '@/lib/catalog/serve-source-file';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

interface FileRouteContext {
  /** Next 16 passes params as a promise; each segment is already URL-decoded. */
  params: Promise<{ path: string[] }>;
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
  return serveFile(request, (await context.params).path);
}
