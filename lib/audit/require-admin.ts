/**
 * THE one gate for every admin-only route of FLE and audit (key settings,
 * audit log). Sign-in and roles are built in parallel (issue 7, branch
 * `auth`): until they are merged there is no signed-in user, so this lets
 * every request through as `'anonymous'`.
 *
 * MERGE NOTE for the lead: replace the body with the auth helper's guard —
 * answer 401 without a session, 403 unless the user's role is admin, and
 * return the user's name as `actor`. Nothing else in lib/fle or lib/audit
 * decides who is an admin.
 */

/** Who is acting, when the request may go on. */
export interface AdminActor {
  actor: string;
}

/**
 * The acting admin, or the `Response` (401/403) to send instead.
 * Routes: `const gate = await requireAdmin(request); if (gate instanceof Response) return gate;`
 */
export async function requireAdmin(request: Request): Promise<AdminActor | Response> {
  void request;
  return { actor: 'anonymous' };
}
