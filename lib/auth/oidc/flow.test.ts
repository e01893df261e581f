import { describe, expect, it } from 'vitest';
import { FLOW_COOKIE, readFlow, type FlowState } from './flow';

function callback(flow: Partial<FlowState>): Request {
  const value = Buffer.from(JSON.stringify(flow), 'utf8').toString('base64url');
  return new Request('http://localhost:3000/api/auth/oidc/callback?code=x&state=y', { headers: { cookie: `${FLOW_COOKIE}=${value}` } });
}

const secrets = { verifier: 'v', state: 's', nonce: 'n', redirectUri: 'http://localhost:3000/api/auth/oidc/callback' };

describe('OIDC flow cookie', () => {
  it('keeps a same-site landing path', () => {
    expect(readFlow(callback({ ...secrets, next: '/dashboards/abc?x=1#p' }))?.next).toBe('/dashboards/abc?x=1#p');
  });

  // The cookie comes back from the browser, so a tampered `next` must not send the user off-site after sign-in.
  it.each([
    '//evil.example',
    '/.//evil.example',
    '/..//evil.example',
    '/%2e//evil.example',
    '/\\evil.example',
    '/.\\evil.example',
    '/%5cevil.example',
    'https://evil.example/',
  ])('lands on / for a tampered next %s', (next) => {
    expect(readFlow(callback({ ...secrets, next }))?.next).toBe('/');
  });

  it('refuses a malformed cookie', () => {
    expect(readFlow(callback({ ...secrets }))).toBeNull();
    const garbage = new Request('http://localhost:3000/api/auth/oidc/callback', { headers: { cookie: `${FLOW_COOKIE}=not-json` } });
    expect(readFlow(garbage)).toBeNull();
  });
});
