import { requireUser } from '@/lib/auth/guard';
import { parseUserChange } from '@/lib/auth/schemas';
import { changeUser } from '@/lib/auth/users';
import { errorResponse, jsonResponse, readJsonBody } from '@/lib/store/http';
import { getStore } from '@/lib/store/server';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

interface UserRouteContext {
  params: Promise<{ name: string }>;
}

/** Changes a local account's role and/or password (admin) from `{ role?, password? }`; its sessions end. */
export async function PUT(request: Request, context: UserRouteContext): Promise<Response> {
  try {
    await requireUser(request, 'admin');
    const { name } = await context.params;
    return jsonResponse(await changeUser(getStore(), name, parseUserChange(await readJsonBody(request))));
  } catch (error) {
    return errorResponse(error);
  }
}

/** Deletes a local account and its sessions (admin); 204. */
export async function DELETE(request: Request, context: UserRouteContext): Promise<Response> {
  try {
    await requireUser(request, 'admin');
    const { name } = await context.params;
    await getStore().users.delete(name);
    return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    return errorResponse(error);
  }
}
