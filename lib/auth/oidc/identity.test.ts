import { describe, expect, it } from 'vitest';
import { userNameProblem } from '../users';
import { isOidcUserId, oidcIdentity, oidcUserId } from './identity';

const nameClaims = ['preferred_username', 'email', 'sub'];
const issuer = 'https://idp.example/';

describe('OIDC identity', () => {
  it('keys a provider user on issuer and subject, never on the name they chose', () => {
    const admin = oidcIdentity({ iss: issuer, sub: '00u1', preferred_username: 'admin' }, { nameClaims });
    expect(admin).toMatchObject({ issuer, subject: '00u1', name: 'admin' });
    expect(admin?.id).toBe(oidcUserId(issuer, '00u1'));
    expect(admin?.id).toMatch(/^oidc:[A-Za-z0-9_-]{22}\|00u1$/);
    expect(admin?.id).not.toBe('admin');
    // The same name at the same provider is another user when the subject differs, and so is the same subject at another issuer.
    expect(oidcIdentity({ iss: issuer, sub: '00u2', preferred_username: 'admin' }, { nameClaims })?.id).not.toBe(admin?.id);
    expect(oidcIdentity({ iss: 'https://other.example/', sub: '00u1' }, { nameClaims })?.id).not.toBe(admin?.id);
  });

  it('lives in a namespace no local account name can enter', () => {
    const id = oidcUserId(issuer, 'admin');
    expect(isOidcUserId(id)).toBe(true);
    expect(userNameProblem(id)).not.toBeNull();
    expect(isOidcUserId('admin')).toBe(false);
  });

  it('shows the subject when no usable name claim is present, and refuses claims without iss or sub', () => {
    expect(oidcIdentity({ iss: issuer, sub: 'erin', email: 'admin@corp.example', email_verified: false }, { nameClaims })?.name).toBe('erin');
    expect(oidcIdentity({ iss: issuer, sub: 'x' }, { nameClaims: ['preferred_username'] })?.name).toBe('x');
    expect(oidcIdentity({ sub: 'x' }, { nameClaims })).toBeNull();
    expect(oidcIdentity({ iss: issuer }, { nameClaims })).toBeNull();
    expect(oidcIdentity({ iss: issuer, sub: 'x'.repeat(256) }, { nameClaims })).toBeNull();
  });
});
