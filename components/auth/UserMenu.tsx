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
      {/* A provider user's name is only a label (anyone may be "admin" at a provider), so say where it comes from. */}
      <span aria-label="Signed in as" title={user.provider === 'oidc' ? `single sign-on user ${user.id}` : undefined}>
        {user.name} <span className="muted">({user.provider === 'oidc' ? `${user.role}, single sign-on` : user.role})</span>
      </span>
      <input type="hidden" name={CSRF_FIELD} value={csrfToken ?? ''} />
      <button type="submit" className="topbar-button">
        Sign out
      </button>
    </form>
  );
}
