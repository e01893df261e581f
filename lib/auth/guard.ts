/**
 * The server-side role check every route handler uses:
 *
 * ```ts
 * const user = await requireUser(request, 'analyst');
 * ```
 *
 * It throws `HttpError` (401 not signed in, 403 wrong role or failed CSRF check),
 * which `errorResponse` from `lib/store/http` turns into a JSON answer.
 */
import { HttpError } from '../store/http';
import type { MetadataStore } from '../store/metadata-store';
import { getStore } from '../store/server';
import { sessionToken } from './cookies';
import { csrfProblem } from './csrf';
import { hasRole, type Role, type SessionUser } from './roles';
import { lookupSession } from './session-lookup';
import type { ActiveSession } from './sessions';

/** The session of the request's cookie, or `null`; no role or CSRF check. */
export async function sessionOf(request: Request, store: MetadataStore = getStore()): Promise<ActiveSession | null> {
  return lookupSession(store, sessionToken(request));
}

/**
 * The signed-in user if they hold at least `role`; for state-changing methods also
 * checks that the request is same-site and carries the session's CSRF token.
 * Throws {@link HttpError} 401 or 403 otherwise.
 */
export async function requireUser(request: Request, role: Role = 'viewer', store: MetadataStore = getStore()): Promise<SessionUser> {
  const session = await sessionOf(request, store);
  if (session === null) throw new HttpError(401, 'sign in required: your session is missing or has expired');
  const csrf = csrfProblem(request, session.csrfToken);
  if (csrf !== null) throw new HttpError(403, csrf);
  if (!hasRole(session.role, role)) {
    throw new HttpError(403, `this needs the ${role} role; ${session.name} is signed in as ${session.role}`);
  }
  return { id: session.id, name: session.name, role: session.role, provider: session.provider };
}
