import { parseShareState } from '@/lib/share/codec';
import { requestActor } from '@/lib/share/permissions';
import { shortLinkPath } from '@/lib/share/short-link-server';
import { errorResponse, HttpError, jsonResponse, readJsonBody } from '@/lib/store/http';
import { getStore } from '@/lib/store/server';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * Stores a shared state `{ state }` and answers 201 with `{ id, path, createdBy, createdAt }`.
 * The state is validated with the share schema, so only SQL, parameters, chart,
 * view and title can be stored.
 */
export async function POST(request: Request): Promise<Response> {
  try {
    const actor = await requestActor(request, 'analyst');
    const body = await readJsonBody(request);
    const state = typeof body === 'object' && body !== null && 'state' in body ? body.state : undefined;
    if (state === undefined) throw new HttpError(400, 'the request body must be { "state": … }');
    const parsed = parseShareState(state);
    if (!parsed.ok) throw new HttpError(400, parsed.problem.message);
    const link = await getStore().shortLinks.create(parsed.state, { actor: actor.id });
    const path = shortLinkPath(link.id);
    return jsonResponse({ id: link.id, path, createdBy: link.createdBy, createdAt: link.createdAt }, 201, { Location: path });
  } catch (error) {
    return errorResponse(error);
  }
}
