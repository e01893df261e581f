'use client';

import { createContext, useContext, type ReactNode } from 'react';
import type { SessionUser } from '@/lib/auth/roles';

/** What the layout hands to client components about this request. */
export interface SessionContextValue {
  /** `null` on the sign-in page. */
  user: SessionUser | null;
  /** The session's CSRF token, for plain HTML forms (fetches use `apiFetch`). */
  csrfToken: string | null;
  /** This response's CSP nonce, for code that injects styles (CodeMirror). */
  nonce: string;
  /** How long an FLE key remembered on this device stays usable (server setting; 0: remembering is off). */
  fleRememberMaxAgeMs: number;
}

const SessionContext = createContext<SessionContextValue>({ user: null, csrfToken: null, nonce: '', fleRememberMaxAgeMs: 0 });

/** Provides the signed-in user and the CSP nonce to every client component below it. */
export function SessionProvider({ value, children }: { value: SessionContextValue; children: ReactNode }): ReactNode {
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The signed-in user, their CSRF token and the CSP nonce. */
export function useSession(): SessionContextValue {
  return useContext(SessionContext);
}
