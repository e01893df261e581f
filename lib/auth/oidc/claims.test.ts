import { describe, expect, it } from 'vitest';
import { claimAt, nameFromClaims, roleFromClaims } from './claims';
import { oidcConfig, OidcConfigError } from './config';

const base = { CLUSTERSCOPE_OIDC_ISSUER: 'https://idp.example/', CLUSTERSCOPE_OIDC_CLIENT_ID: 'cs' };

describe('OIDC role mapping', () => {
  const config = { roleClaim: 'groups', roleMap: new Map([['cs-admins', 'admin'], ['cs-analysts', 'analyst'], ['everyone', 'viewer']] as const), defaultRole: null };

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
    expect(nameFromClaims({ sub: 'abc', email: 'ann@example.com' }, ['preferred_username', 'email', 'sub'])).toBe('ann@example.com');
    expect(nameFromClaims({ preferred_username: ' ', sub: 'abc' }, ['preferred_username', 'sub'])).toBe('abc');
    expect(nameFromClaims({}, ['sub'])).toBeNull();
  });
});

describe('oidcConfig', () => {
  it('is off without an issuer and a client id', () => {
    expect(oidcConfig({})).toBeNull();
    expect(oidcConfig({ CLUSTERSCOPE_OIDC_ISSUER: 'https://idp.example/' })).toBeNull();
  });

  it('parses the role map, defaults and names', () => {
    const config = oidcConfig({ ...base, CLUSTERSCOPE_OIDC_ROLE_MAP: 'cs-admins=admin, Domain Users=viewer', CLUSTERSCOPE_OIDC_ROLE_CLAIM: 'roles', CLUSTERSCOPE_OIDC_NAME: 'Okta' });
    expect(config?.roleMap).toEqual(new Map([['cs-admins', 'admin'], ['Domain Users', 'viewer']]));
    expect(config).toMatchObject({ roleClaim: 'roles', displayName: 'Okta', scopes: 'openid profile email', defaultRole: null, nameClaims: ['preferred_username', 'email', 'sub'] });
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
});
