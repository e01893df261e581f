import { requireUser } from '@/lib/auth/guard';
import { serveCatalogFile } from '@/lib/catalog/serve-file';
import { errorResponse } from '@/lib/store/http';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

interface FileRouteContext {
  /** Next 16 passes params as a promise; each segment is already URL-decoded. */
  params: Promise<{ path: string[] }>;
}

/** A catalog file by its manifest path, with range and conditional request support. */
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
  return serveCatalogFile(request, (await context.params).path);
}
