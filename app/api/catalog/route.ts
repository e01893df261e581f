import { requireUser } from '@/lib/auth/guard';
import type { SessionUser } from '@/lib/auth/roles';
import { getManifest } from '@/lib/catalog/manifest-cache';
import { manifestForRole } from '@/lib/catalog/manifest-for-role';
import { internalErrorResponse } from '@/lib/http/internal-error';
import { errorResponse } from '@/lib/store/http';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** The catalog manifest for the configured source; `?refresh=1` rebuilds it now. */
export async function GET(request: Request): Promise<Response> {
  let user: SessionUser;
  try {
    user = await requireUser(request, 'viewer');
  } catch (error) {
    return errorResponse(error);
  }
  const refresh = new URL(request.url).searchParams.get('refresh');
  try {
    const manifest = await getManifest({ refresh: refresh !== null && refresh !== '0' && refresh !== 'false' });
    return Response.json(manifestForRole(manifest, user.role), { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    return internalErrorResponse('building the catalog', error, 'The catalog could not be built.');
  }
}
