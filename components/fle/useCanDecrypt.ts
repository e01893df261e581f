'use client';

/**
 * THE flag for every decrypt control in the browser (key panel, reveal,
 * decrypt column, FLE settings, audit view). Sign-in and roles are built in
 * parallel (branch `auth`); until they are merged everyone counts as admin.
 *
 * MERGE NOTE for the lead: return whether the signed-in user's role is
 * admin (from the auth helper's session hook). The server enforces the same
 * through `lib/audit/require-admin.ts`.
 */
export function useCanDecrypt(): boolean {
  return true;
}
