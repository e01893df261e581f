/** The signed-in user for server components and layouts (route handlers use `requireUser`). */
import { headers } from 'next/headers';
import { getStore } from '../store/server';
import { sessionToken } from './cookies';
import { lookupSession } from './session-lookup';
import type { ActiveSession } from './sessions';

/** The session of the current request, or `null` when signed out. */
export async function currentSession(): Promise<ActiveSession | null> {
  return lookupSession(getStore(), sessionToken({ headers: await headers() }));
}
