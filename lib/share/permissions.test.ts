import { describe, expect, it } from 'vitest';
import { withSignedInUser } from '@/lib/auth/testing';
import { withTemporaryStore } from '@/lib/store/testing';
import { canRevokeShortLink, requestActor } from './permissions';

withTemporaryStore('clusterscope-share-permissions-', 'clusterscope.db');
const signedIn = withSignedInUser('analyst');

describe('short-link permissions', () => {
  it('lets the creator and admins revoke, nobody else', () => {
    const link = { createdBy: 'ana' };
    expect(canRevokeShortLink({ id: 'ana', roles: [] }, link)).toBe(true);
    expect(canRevokeShortLink({ id: 'bob', roles: ['admin'] }, link)).toBe(true);
    expect(canRevokeShortLink({ id: 'bob', roles: ['viewer'] }, link)).toBe(false);
  });

  it('is the signed-in user, and refuses a request without a session', async () => {
    expect(await requestActor(signedIn('http://localhost/api/links'))).toEqual({ id: 'test-analyst', roles: ['analyst'] });
    await expect(requestActor(new Request('http://localhost/api/links'))).rejects.toThrow('sign in required');
    await expect(requestActor(signedIn('http://localhost/api/links'), 'admin')).rejects.toThrow('needs the admin role');
  });
});
