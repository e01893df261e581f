/**
 * Who may do what with a short link. One place for the decision, so that sign-in
 * and roles (built separately) are wired in here and nowhere else.
 */
import { requireUser } from '@/lib/auth/guard';
import type { Role } from '@/lib/auth/roles';

/** The user behind a request. */
export interface Actor {
  id: string;
  roles: readonly string[];
}

/**
 * The signed-in user making a request, holding at least `role`; throws the
 * guard's 401/403 otherwise.
 */
export async function requestActor(request: Request, role: Role = 'viewer'): Promise<Actor> {
  const user = await requireUser(request, role);
  return { id: user.id, roles: [user.role] };
}

/** A short link may be revoked by whoever created it, or by an admin. */
export function canRevokeShortLink(actor: Actor, link: { createdBy: string }): boolean {
  return actor.id === link.createdBy || actor.roles.includes('admin');
}
