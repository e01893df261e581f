/** The sign-in and sign-out form handlers (kept out of `app/` so they stay testable). */
import { getStore } from '../store/server';
import { authenticatePassword } from './authenticate';
import { CSRF_FIELD, SIGN_IN_PATH } from './constants';
import { clearedSessionCookies, sessionCookies, sessionToken } from './cookies';
import { crossSiteProblem, csrfProblem } from './csrf';
import { revokeOidcTokens } from './oidc/recheck';
import { safeNextPath, signInPath } from './redirect';
import { seeOther } from './see-other';
import { endSession, sessionRecord, startSession } from './sessions';
import { HashBusyError } from './hash-gate';
import { clientOf, logRefusal, signInThrottle, tooManyAttempts } from './sign-in-refusal';

async function formFields(request: Request): Promise<FormData | null> {
  const type = request.headers.get('content-type') ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data')) return null;
  try {
    return await request.formData();
  } catch {
    return null;
  }
}

function field(form: FormData | null, name: string): string {
  const value = form?.get(name);
  return typeof value === 'string' ? value : '';
}

/** POST /api/auth/signin with `username`, `password` and `next` form fields. */
export async function signIn(request: Request): Promise<Response> {
  const form = await formFields(request);
  const next = safeNextPath(field(form, 'next'));
  // Login CSRF: a foreign site must not sign the victim in to the attacker's account.
  if (crossSiteProblem(request) !== null) return seeOther(signInPath(next, 'cross-site'));
  const name = field(form, 'username').trim();
  const password = field(form, 'password');
  if (!name || !password) return seeOther(signInPath(next, 'missing'));
  const client = clientOf(request);
  const throttle = signInThrottle();
  const decision = throttle.attempt(name, client);
  if (!decision.allowed) {
    logRefusal(
      `too many attempts for ${decision.key === 'account' ? `account "${name.slice(0, 64)}"` : `client ${client}`}; retry in ${decision.retryAfterSeconds} s`,
    );
    return tooManyAttempts(request, decision.retryAfterSeconds, next);
  }
  const store = getStore();
  let user: Awaited<ReturnType<typeof authenticatePassword>>;
  try {
    user = await authenticatePassword(store, name, password);
  } catch (error) {
    if (!(error instanceof HashBusyError)) throw error;
    logRefusal(`${error.message} (client ${client})`);
    return tooManyAttempts(request, 2, next);
  }
  if (user === null) return seeOther(signInPath(next, 'invalid'));
  throttle.succeeded(name, client);
  const session = await startSession(store, user);
  return seeOther(next, sessionCookies(request, session));
}

/**
 * POST /api/auth/signout: ends the session on the server and clears the cookies.
 * A single sign-on session's tokens go with its row, and are revoked at the provider.
 */
export async function signOut(request: Request): Promise<Response> {
  const store = getStore();
  const token = sessionToken(request);
  // The stored row, not a re-checked session: signing out must not wait on, or be refused by, the provider.
  const session = await sessionRecord(store, token);
  if (session !== null && token !== undefined) {
    const problem = csrfProblem(request, session.csrfToken, field(await formFields(request), CSRF_FIELD));
    if (problem !== null) return Response.json({ error: problem }, { status: 403, headers: { 'Cache-Control': 'no-store' } });
    // The row goes first, so no request in between re-checks with tokens that are being revoked.
    await endSession(store, token);
    if (session.provider === 'oidc') await revokeOidcTokens(token, session);
  }
  return seeOther(SIGN_IN_PATH, clearedSessionCookies(request));
}
