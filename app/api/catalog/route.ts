import { requireUser } from '@/lib/auth/guard';
import { getManifest } from '@/lib/catalog/manifest-cache';
import { errorResponse } from '@/lib/store/http';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** The catalog manifest for the configured source; `?refresh=1` rebuilds it now. */
export async function GET(request: Request): Promise<Response> {
  try {
    await requireUser(request, 'viewer');
  } catch (error) {
    return errorResponse(error);
  }
  const refresh = new URL(request.url).searchParams.get('refresh');
  try {
    const manifest = await getManifest({ refresh: refresh !== null && refresh !== '0' && refresh !== 'false' });
    return Response.json(manifest, { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return Response.json({ error: `cannot build the catalog: ${message}` }, { status: 500, headers: { 'Cache-Control': 'no-store' } });
  }
}
