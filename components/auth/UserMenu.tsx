'use client';

import type { ReactNode } from 'react';
import { CSRF_FIELD } from '@/lib/auth/constants';
import { useSession } from './SessionProvider';

/** Who is signed in, with which role, and a Sign out button that ends the session on the server. */
export function UserMenu(): ReactNode {
  const { user, csrfToken } = useSession();
  if (user === null) return null;
  return (
    <form className="user-menu" method="post" action="/api/auth/signout">
      <span aria-label="Signed in as">
        {user.name} <span className="muted">({user.role})</span>
      </span>
      <input type="hidden" name={CSRF_FIELD} value={csrfToken ?? ''} />
      <button type="submit" className="topbar-button">
        Sign out
      </button>
    </form>
  );
}
