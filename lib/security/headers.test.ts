import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, securityHeaders } from './headers';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split('; ').map((part) => {
      const [name = '', ...values] = part.split(' ');
      return [name, values];
    }),
  );
}

describe('contentSecurityPolicy', () => {
  it('is strict: nonce scripts and wasm, no eval, no inline, no framing', () => {
    const policy = directives(contentSecurityPolicy({ nonce: 'abc123' }));
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'", "'nonce-abc123'", "'wasm-unsafe-eval'"]);
    expect(policy.get('style-src')).toEqual(["'self'", "'nonce-abc123'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'self'"]);
    expect(policy.get('form-action')).toEqual(["'self'"]);
    expect([...policy.values()].flat()).not.toContain("'unsafe-eval'");
    expect([...policy.values()].flat()).not.toContain("'unsafe-inline'");
  });

  it('adds S3 origins to connect-src, and relaxes only for next dev', () => {
    expect(directives(contentSecurityPolicy({ nonce: 'n', connectSources: ['http://127.0.0.1:7480'] })).get('connect-src')).toEqual([
      "'self'",
      'http://127.0.0.1:7480',
    ]);
    expect(contentSecurityPolicy({ nonce: 'n', development: true })).toContain("'unsafe-eval'");
  });
});

describe('securityHeaders', () => {
  it('has the hardening headers, HSTS only over TLS, and S3 endpoints from the environment', () => {
    const headers = securityHeaders('n', { secure: false, env: { AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:7480', CLUSTERSCOPE_SOURCE: 's3://logs/x' } });
    expect(headers['Referrer-Policy']).toBe('no-referrer');
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['X-Frame-Options']).toBe('DENY');
    expect(headers['Permissions-Policy']).toContain('camera=()');
    expect(headers['Content-Security-Policy']).toContain("connect-src 'self' http://127.0.0.1:7480/logs/ http://logs.127.0.0.1:7480;");
    expect(headers['Strict-Transport-Security']).toBeUndefined();
    expect(securityHeaders('n', { secure: true, env: {} })['Strict-Transport-Security']).toBe('max-age=31536000; includeSubDomains');
  });
});
