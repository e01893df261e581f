import { requireUser } from '@/lib/auth/guard';
import { errorResponse, jsonResponse, readJsonBody } from '@/lib/store/http';
import { parseSavedQueryInput } from '@/lib/store/schemas';
import { getStore } from '@/lib/store/server';
import { listOptionsFromUrl } from '@/lib/store/list-options';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Saved queries, newest first; `?q=` searches name, description and tags. Answers `{ items, problems, truncated }`. */
export async function GET(request: Request): Promise<Response> {
  try {
    await requireUser(request, 'viewer');
    return jsonResponse(await getStore().savedQueries.list(listOptionsFromUrl(new URL(request.url))));
  } catch (error) {
    return errorResponse(error);
  }
}

/** Saves a new query; answers 201 with the record (version 1). */
export async function POST(request: Request): Promise<Response> {
  try {
    const user = await requireUser(request, 'analyst');
    const input = parseSavedQueryInput(await readJsonBody(request));
    const created = await getStore().savedQueries.create(input, { actor: user.id });
    return jsonResponse(created, 201, { Location: `/api/queries/${encodeURIComponent(created.id)}` });
  } catch (error) {
    return errorResponse(error);
  }
}
