'use client';

import { useSession } from '@/components/auth/SessionProvider';

/**
 * The flag for every decrypt control in the browser (key panel, reveal, decrypt
 * column, FLE settings, audit view): only admins. The server enforces the same
 * with `requireUser(request, 'admin')` on every FLE and audit route.
 */
export function useCanDecrypt(): boolean {
  return useSession().user?.role === 'admin';
}
