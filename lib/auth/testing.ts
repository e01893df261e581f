/**
 * Test support for route handlers: a session in the test's temporary store, and
 * requests that carry its cookie and CSRF token. Register after `withTemporaryStore`.
 */
import { beforeAll } from 'vitest';
import { getStore } from '../store/server';
import { CSRF_HEADER, SESSION_COOKIE } from './constants';
import type { Role } from './roles';
import { startSession, type NewSession } from './sessions';

/** Builds a `Request` as the signed-in user would send it. */
export type SignedInRequest = (input: string, init?: RequestInit) => Request;

/** Starts a session for `name` (default `test-<role>`) before the file's tests; returns a factory for its requests. */
export function withSignedInUser(role: Role, name = `test-${role}`): SignedInRequest {
  let session: NewSession | undefined;
  beforeAll(async () => {
    // A local account (its hash is never checked: no one signs in with a password here).
    if ((await getStore().users.get(name)) === null) await getStore().users.create({ name, role, passwordHash: 'not a password hash' });
    session = await startSession(getStore(), { id: name, name, role, provider: 'local' });
  });
  return (input, init = {}) => {
    if (session === undefined) throw new Error('withSignedInUser: the session starts in beforeAll');
    const headers = new Headers(init.headers);
    headers.append('cookie', `${SESSION_COOKIE}=${session.token}`);
    headers.set(CSRF_HEADER, session.csrfToken);
    return new Request(input, { ...init, headers });
  };
}
