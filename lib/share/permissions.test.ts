import { describe, expect, it } from 'vitest';
import { ANONYMOUS_ACTOR, canRevokeShortLink, requestActor } from './permissions';

describe('short-link permissions', () => {
  it('lets the creator and admins revoke, nobody else', () => {
    const link = { createdBy: 'ana' };
    expect(canRevokeShortLink({ id: 'ana', roles: [] }, link)).toBe(true);
    expect(canRevokeShortLink({ id: 'bob', roles: ['admin'] }, link)).toBe(true);
    expect(canRevokeShortLink({ id: 'bob', roles: ['viewer'] }, link)).toBe(false);
    expect(canRevokeShortLink(ANONYMOUS_ACTOR, link)).toBe(false);
  });

  it('treats every request as anonymous until sign-in is wired in', async () => {
    expect(await requestActor(new Request('http://localhost/api/links'))).toEqual(ANONYMOUS_ACTOR);
  });
});
