import { requireUser } from '@/lib/auth/guard';
import { errorResponse, HttpError, jsonResponse, readJsonBody } from '@/lib/store/http';
import { getStore } from '@/lib/store/server';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Every dismiss and snooze decision on Advisor findings; the whole team sees them. */
export async function GET(request: Request): Promise<Response> {
  try {
    await requireUser(request, 'viewer');
    return jsonResponse({ decisions: await getStore().advisorDecisions.list() });
  } catch (error) {
    return errorResponse(error);
  }
}

/** Dismisses (with a reason) or snoozes (until a day) a finding; 200 with the stored decision. Analysts and admins. */
export async function POST(request: Request): Promise<Response> {
  try {
    const user = await requireUser(request, 'analyst');
    return jsonResponse(await getStore().advisorDecisions.put(await readJsonBody(request), { actor: user.id }));
  } catch (error) {
    return errorResponse(error);
  }
}

/** Forgets the decision about `?finding=<id>`, so the finding shows again; 204. Analysts and admins. */
export async function DELETE(request: Request): Promise<Response> {
  try {
    await requireUser(request, 'analyst');
    const finding = new URL(request.url).searchParams.get('finding');
    if (!finding) throw new HttpError(400, 'name the finding: ?finding=<id>');
    await getStore().advisorDecisions.remove(finding);
    return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    return errorResponse(error);
  }
}
