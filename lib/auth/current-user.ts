/** The signed-in user for server components and layouts (route handlers use `requireUser`). */
import { cookies } from 'next/headers';
import { getStore } from '../store/server';
import { SESSION_COOKIE } from './constants';
import { readSession, type ActiveSession } from './sessions';

/** The session of the current request, or `null` when signed out. */
export async function currentSession(): Promise<ActiveSession | null> {
  return readSession(getStore(), (await cookies()).get(SESSION_COOKIE)?.value);
}
