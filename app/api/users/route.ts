import { requireUser } from '@/lib/auth/guard';
import { parseNewUser } from '@/lib/auth/schemas';
import { addUser } from '@/lib/auth/users';
import { errorResponse, jsonResponse, readJsonBody } from '@/lib/store/http';
import { getStore } from '@/lib/store/server';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Local accounts (admin): `{ items: [{ name, role, createdAt, updatedAt }] }`, never hashes. */
export async function GET(request: Request): Promise<Response> {
  try {
    await requireUser(request, 'admin');
    return jsonResponse({ items: await getStore().users.list() });
  } catch (error) {
    return errorResponse(error);
  }
}

/** Creates a local account (admin) from `{ name, role, password }`; 201. */
export async function POST(request: Request): Promise<Response> {
  try {
    await requireUser(request, 'admin');
    const input = parseNewUser(await readJsonBody(request));
    const created = await addUser(getStore(), input.name, input.role, input.password);
    return jsonResponse(created, 201, { Location: `/api/users/${encodeURIComponent(created.name)}` });
  } catch (error) {
    return errorResponse(error);
  }
}
