'use client';

import type { ReactNode } from 'react';
import { CSRF_FIELD } from '@/lib/auth/constants';
import { forgetRememberedKey } from '@/lib/fle/key-store';
import { useSession } from './SessionProvider';

/**
 * Who is signed in, with which role, and a Sign out button that ends the
 * session on the server. Signing out first forgets an FLE key remembered on
 * this device, so it never outlives the session on disk.
 */
export function UserMenu(): ReactNode {
  const { user, csrfToken } = useSession();
  if (user === null) return null;
  return (
    <form
      className="user-menu"
      method="post"
      action="/api/auth/signout"
      onSubmit={(event) => {
        event.preventDefault();
        const form = event.currentTarget;
        // form.submit() skips this handler; IndexedDB may be unavailable, which must not block signing out.
        void forgetRememberedKey()
          .catch(() => undefined)
          .finally(() => form.submit());
      }}
    >
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
