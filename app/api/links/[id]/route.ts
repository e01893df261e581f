import { requireUser } from '@/lib/auth/guard';
import { canRevokeShortLink, requestActor } from '@/lib/share/permissions';
import { openShortLink } from '@/lib/share/short-link-server';
import { errorResponse, HttpError, jsonResponse } from '@/lib/store/http';
import { getStore } from '@/lib/store/server';
import { SHORT_LINK_ID_PATTERN } from '@/lib/store/short-links';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

interface ShortLinkRouteContext {
  params: Promise<{ id: string }>;
}

/** The shared state with who shared it when; 404 if unknown, 410 if revoked. */
export async function GET(request: Request, context: ShortLinkRouteContext): Promise<Response> {
  try {
    await requireUser(request, 'viewer');
    const { id } = await context.params;
    const opened = await openShortLink(getStore(), id);
    if (!opened.ok) return jsonResponse({ error: opened.message }, opened.status);
    return jsonResponse(opened);
  } catch (error) {
    return errorResponse(error);
  }
}

/** Revokes the link (creator or admin only, 403 otherwise); 204, also when it was revoked already. */
export async function DELETE(request: Request, context: ShortLinkRouteContext): Promise<Response> {
  try {
    const actor = await requestActor(request);
    const { id } = await context.params;
    const link = SHORT_LINK_ID_PATTERN.test(id) ? await getStore().shortLinks.get(id) : null;
    if (link === null) throw new HttpError(404, 'This short link does not exist.');
    if (!canRevokeShortLink(actor, link)) throw new HttpError(403, 'Only whoever created this short link, or an admin, may revoke it.');
    await getStore().shortLinks.revoke(id, { actor: actor.id });
    return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    return errorResponse(error);
  }
}
