import { requireUser } from '@/lib/auth/guard';
import { errorResponse, HttpError, jsonResponse, readJsonBody } from '@/lib/store/http';
import { NotFoundError } from '@/lib/store/errors';
import { SAVED_QUERY_KIND } from '@/lib/store/metadata-store';
import { parseSavedQueryUpdate } from '@/lib/store/schemas';
import { getStore } from '@/lib/store/server';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

interface SavedQueryRouteContext {
  /** Next 16 passes params as a promise; the segment is already URL-decoded. */
  params: Promise<{ id: string }>;
}

/** One saved query; 404 if unknown. */
export async function GET(request: Request, context: SavedQueryRouteContext): Promise<Response> {
  try {
    await requireUser(request, 'viewer');
    const { id } = await context.params;
    const record = await getStore().savedQueries.get(id);
    if (record === null) throw new NotFoundError(SAVED_QUERY_KIND, id);
    return jsonResponse(record);
  } catch (error) {
    return errorResponse(error);
  }
}

/**
 * Replaces a saved query; the body carries the `version` it was edited from (409 with `current` if stale).
 * Only its owner or an admin may (403 saying why).
 */
export async function PUT(request: Request, context: SavedQueryRouteContext): Promise<Response> {
  try {
    const user = await requireUser(request, 'analyst');
    const { id } = await context.params;
    const change = parseSavedQueryUpdate(await readJsonBody(request));
    return jsonResponse(await getStore().savedQueries.update(id, change, user));
  } catch (error) {
    return errorResponse(error);
  }
}

/** Deletes a saved query at `?version=N`; 409 with `current` if it changed since, 404 if unknown, 403 if not the owner's or an admin's. */
export async function DELETE(request: Request, context: SavedQueryRouteContext): Promise<Response> {
  try {
    const user = await requireUser(request, 'analyst');
    const { id } = await context.params;
    const version = new URL(request.url).searchParams.get('version');
    if (version === null || !/^[1-9]\d{0,14}$/.test(version)) {
      throw new HttpError(400, 'the version query parameter must be the version being deleted (a positive integer)');
    }
    await getStore().savedQueries.delete(id, Number(version), user);
    return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    return errorResponse(error);
  }
}
