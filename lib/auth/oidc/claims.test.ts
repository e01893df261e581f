import { describe, expect, it } from 'vitest';
import { claimAt, nameFromClaims, roleFromClaims } from './claims';
import { oidcConfig, OidcConfigError } from './config';

const base = { CLUSTERSCOPE_OIDC_ISSUER: 'https://idp.example/', CLUSTERSCOPE_OIDC_CLIENT_ID: 'cs' };

describe('OIDC role mapping', () => {
  const config = {
    roleClaim: 'groups',
    roleMap: new Map([
      ['cs-admins', 'admin'],
      ['cs-analysts', 'analyst'],
      ['everyone', 'viewer'],
    ] as const),
    defaultRole: null,
  };

  it('takes the highest role of every mapped value', () => {
    expect(roleFromClaims({ groups: ['everyone', 'cs-admins', 'other'] }, config)).toBe('admin');
    expect(roleFromClaims({ groups: ['everyone', 'cs-analysts'] }, config)).toBe('analyst');
    expect(roleFromClaims({ groups: 'everyone cs-analysts' }, config)).toBe('analyst');
    expect(roleFromClaims({ groups: 'cs-admins,everyone' }, config)).toBe('admin');
  });

  it('refuses users without a mapped value unless a default role is set', () => {
    expect(roleFromClaims({ groups: ['other'] }, config)).toBeNull();
    expect(roleFromClaims({}, config)).toBeNull();
    expect(roleFromClaims({ groups: [1, null, { name: 'cs-admins' }] }, config)).toBeNull();
    expect(roleFromClaims({ groups: 'CS-ADMINS' }, config)).toBeNull();
    expect(roleFromClaims({ groups: ['other'] }, { ...config, defaultRole: 'viewer' })).toBe('viewer');
  });

  it('reads provider-specific claim names and nested paths', () => {
    expect(claimAt({ 'cognito:groups': ['a'] }, 'cognito:groups')).toEqual(['a']);
    expect(claimAt({ realm_access: { roles: ['b'] } }, 'realm_access.roles')).toEqual(['b']);
    expect(claimAt({ realm_access: ['b'] }, 'realm_access.roles')).toBeUndefined();
    expect(roleFromClaims({ 'cognito:groups': ['cs-admins'] }, { ...config, roleClaim: 'cognito:groups' })).toBe('admin');
  });

  it('names the user from the first present claim', () => {
    expect(nameFromClaims({ sub: 'abc', email: 'ann@example.com', email_verified: true }, ['preferred_username', 'email', 'sub'])).toBe('ann@example.com');
    expect(nameFromClaims({ sub: 'abc', name: 'Ann\u0000\nAdmin\u009b' }, ['name', 'sub'])).toBe('AnnAdmin');
    expect(nameFromClaims({ preferred_username: ' ', sub: 'abc' }, ['preferred_username', 'sub'])).toBe('abc');
    expect(nameFromClaims({}, ['sub'])).toBeNull();
  });

  it('uses the e-mail as the name only when the provider verified it', () => {
    const names = ['preferred_username', 'email', 'sub'];
    expect(nameFromClaims({ sub: 'abc', email: 'admin@corp.example' }, names)).toBe('abc');
    expect(nameFromClaims({ sub: 'abc', email: 'admin@corp.example', email_verified: false }, names)).toBe('abc');
    expect(nameFromClaims({ sub: 'abc', email: 'admin@corp.example', email_verified: 'true' }, names)).toBe('abc');
    expect(nameFromClaims({ email: 'admin@corp.example' }, ['email'])).toBeNull();
  });
});

describe('oidcConfig', () => {
  it('is off without an issuer and a client id', () => {
    expect(oidcConfig({})).toBeNull();
    expect(oidcConfig({ CLUSTERSCOPE_OIDC_ISSUER: 'https://idp.example/' })).toBeNull();
  });

  it('parses the role map, defaults and names', () => {
    const config = oidcConfig({
      ...base,
      CLUSTERSCOPE_OIDC_ROLE_MAP: 'cs-admins=admin, Domain Users=viewer',
      CLUSTERSCOPE_OIDC_ROLE_CLAIM: 'roles',
      CLUSTERSCOPE_OIDC_NAME: 'Okta',
    });
    expect(config?.roleMap).toEqual(
      new Map([
        ['cs-admins', 'admin'],
        ['Domain Users', 'viewer'],
      ]),
    );
    expect(config).toMatchObject({
      roleClaim: 'roles',
      displayName: 'Okta',
      scopes: 'openid profile email',
      defaultRole: null,
      nameClaims: ['preferred_username', 'email', 'sub'],
    });
  });

  it('explains bad settings', () => {
    expect(() => oidcConfig({ ...base, CLUSTERSCOPE_OIDC_ISSUER: 'idp' })).toThrow('CLUSTERSCOPE_OIDC_ISSUER "idp" is not a URL');
    expect(() => oidcConfig({ ...base, CLUSTERSCOPE_OIDC_ISSUER: 'http://idp.example/', CLUSTERSCOPE_OIDC_DEFAULT_ROLE: 'viewer' })).toThrow(/must use https/);
    expect(oidcConfig({ ...base, CLUSTERSCOPE_OIDC_ISSUER: 'http://127.0.0.1:9000/', CLUSTERSCOPE_OIDC_DEFAULT_ROLE: 'viewer' })?.issuer.port).toBe('9000');
    expect(() => oidcConfig({ ...base, CLUSTERSCOPE_OIDC_ROLE_MAP: 'cs-admins=root' })).toThrow(OidcConfigError);
    expect(() => oidcConfig({ ...base, CLUSTERSCOPE_OIDC_ROLE_MAP: '=admin' })).toThrow(/must be <claim value>=<viewer\|analyst\|admin>/);
    expect(() => oidcConfig(base)).toThrow(/set CLUSTERSCOPE_OIDC_ROLE_MAP/);
    expect(() => oidcConfig({ ...base, CLUSTERSCOPE_OIDC_DEFAULT_ROLE: 'owner' })).toThrow(/is not viewer, analyst or admin/);
  });

  it('re-checks sessions every 15 minutes unless CLUSTERSCOPE_OIDC_RECHECK_SECONDS says otherwise', () => {
    const withDefault = { ...base, CLUSTERSCOPE_OIDC_DEFAULT_ROLE: 'viewer' };
    expect(oidcConfig(withDefault)?.recheckSeconds).toBe(900);
    expect(oidcConfig({ ...withDefault, CLUSTERSCOPE_OIDC_RECHECK_SECONDS: ' 3 ' })?.recheckSeconds).toBe(3);
    for (const bad of ['0', '-5', '1.5', 'soon', '86401']) {
      expect(() => oidcConfig({ ...withDefault, CLUSTERSCOPE_OIDC_RECHECK_SECONDS: bad })).toThrow(
        /CLUSTERSCOPE_OIDC_RECHECK_SECONDS ".+" must be a whole number of seconds from 1 to 86400/,
      );
    }
  });
});
