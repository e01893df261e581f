import type { APIRequestContext } from '@playwright/test';
import { CSRF_COOKIE, CSRF_HEADER } from '../../lib/auth/constants';

/** The header a signed-in API request needs to change anything, from the session's CSRF cookie. */
export async function csrfHeader(request: APIRequestContext): Promise<Record<string, string>> {
  const token = (await request.storageState()).cookies.find((cookie) => cookie.name === CSRF_COOKIE)?.value;
  if (!token) throw new Error(`no ${CSRF_COOKIE} cookie: the request context is not signed in`);
  return { [CSRF_HEADER]: decodeURIComponent(token) };
}
