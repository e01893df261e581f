/**
 * The one gate for every admin-only route of FLE and audit (key settings,
 * audit log): the signed-in user must be an admin.
 */
import { requireUser } from '@/lib/auth/guard';
import { errorResponse } from '@/lib/store/http';

/** Who is acting, when the request may go on. */
export interface AdminActor {
  actor: string;
}

/**
 * The acting admin, or the `Response` (401/403) to send instead.
 * Routes: `const gate = await requireAdmin(request); if (gate instanceof Response) return gate;`
 */
export async function requireAdmin(request: Request): Promise<AdminActor | Response> {
  try {
    const user = await requireUser(request, 'admin');
    return { actor: user.name };
  } catch (error) {
    return errorResponse(error);
  }
}
