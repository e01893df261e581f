/**
 * Who may do what with a short link. One place for the decision, so that sign-in
 * and roles (built separately) are wired in here and nowhere else.
 */

/** The user behind a request. */
export interface Actor {
  id: string;
  roles: readonly string[];
}

/** Everyone until sign-in exists; links they create are recorded as theirs. */
export const ANONYMOUS_ACTOR: Actor = { id: 'anonymous', roles: [] };

/**
 * The user making a request. Until sign-in is merged every request is
 * {@link ANONYMOUS_ACTOR}; wire the session's user and roles in here.
 */
export async function requestActor(request: Request): Promise<Actor> {
  void request;
  return ANONYMOUS_ACTOR;
}

/** A short link may be revoked by whoever created it, or by an admin. */
export function canRevokeShortLink(actor: Actor, link: { createdBy: string }): boolean {
  return actor.id === link.createdBy || actor.roles.includes('admin');
}
