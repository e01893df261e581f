import { describe, expect, it } from 'vitest';
import { openGrant, sealGrant } from './token-vault';

const token = 'A'.repeat(43);
const grant = { subject: 'sub-1', accessToken: 'access-secret', refreshToken: 'refresh-secret' };

describe('token vault', () => {
  it('seals the provider tokens so the sealed text reveals none of them', () => {
    const sealed = sealGrant(token, grant);
    expect(sealed).toMatch(/^v1\./);
    for (const secret of Object.values(grant)) expect(sealed).not.toContain(secret);
    expect(sealGrant(token, grant)).not.toBe(sealed);
    expect(openGrant(token, sealed)).toEqual(grant);
    expect(openGrant(token, sealGrant(token, { subject: 's', accessToken: 'a' }))).toEqual({ subject: 's', accessToken: 'a' });
  });

  it('opens only with the session token it was sealed for, and refuses altered text', () => {
    const sealed = sealGrant(token, grant);
    expect(() => openGrant('B'.repeat(43), sealed)).toThrow();
    const [version, iv, body, tag] = sealed.split('.') as [string, string, string, string];
    const flipped = `${body.slice(0, -2)}${body.endsWith('AA') ? 'BB' : 'AA'}`;
    expect(() => openGrant(token, [version, iv, flipped, tag].join('.'))).toThrow();
    expect(() => openGrant(token, 'v0.x.y.z')).toThrow('malformed');
    expect(() => openGrant(token, '')).toThrow('malformed');
  });
});
