import { requireUser } from '@/lib/auth/guard';
import { errorResponse, jsonResponse } from '@/lib/store/http';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** The signed-in user: `{ name, role, provider }`; 401 when signed out. */
export async function GET(request: Request): Promise<Response> {
  try {
    return jsonResponse(await requireUser(request));
  } catch (error) {
    return errorResponse(error);
  }
}
