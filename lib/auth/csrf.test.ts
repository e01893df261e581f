import { describe, expect, it } from 'vitest';
import { crossSiteProblem, csrfProblem, isStateChanging } from './csrf';

const TOKEN = 'a'.repeat(43);

function request(method: string, headers: Record<string, string> = {}): Request {
  return new Request('http://app.example/api/queries', { method, headers: { host: 'app.example', ...headers } });
}

describe('CSRF checks', () => {
  it('lets safe methods through without a token', () => {
    expect(isStateChanging('get')).toBe(false);
    expect(csrfProblem(request('GET'), TOKEN)).toBeNull();
    expect(csrfProblem(request('HEAD'), TOKEN)).toBeNull();
  });

  it('needs the session token on every state-changing method', () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      expect(csrfProblem(request(method), TOKEN)).toBe('the CSRF token is missing (send the x-csrf-token header)');
      expect(csrfProblem(request(method, { 'x-csrf-token': TOKEN }), TOKEN)).toBeNull();
    }
  });

  it('refuses a wrong token, including one of another length', () => {
    expect(csrfProblem(request('POST', { 'x-csrf-token': 'b'.repeat(43) }), TOKEN)).toBe('the CSRF token is wrong (reload the page and try again)');
    expect(csrfProblem(request('POST', { 'x-csrf-token': 'short' }), TOKEN)).toMatch(/wrong/);
  });

  it('accepts the token from a posted form field', () => {
    expect(csrfProblem(request('POST'), TOKEN, TOKEN)).toBeNull();
    expect(csrfProblem(request('POST'), TOKEN, 'nope')).toMatch(/wrong/);
  });

  it('refuses cross-site requests even with the right token', () => {
    expect(csrfProblem(request('POST', { 'x-csrf-token': TOKEN, origin: 'https://evil.example' }), TOKEN)).toBe(
      'cross-site request refused (Origin https://evil.example)',
    );
    expect(csrfProblem(request('POST', { 'x-csrf-token': TOKEN, 'sec-fetch-site': 'cross-site' }), TOKEN)).toMatch(/Sec-Fetch-Site: cross-site/);
    expect(csrfProblem(request('POST', { 'x-csrf-token': TOKEN, 'sec-fetch-site': 'same-site' }), TOKEN)).toMatch(/same-site/);
    expect(crossSiteProblem(request('POST', { origin: 'null' }))).toBe('cross-site request refused (Origin null)');
    expect(crossSiteProblem(request('POST', { origin: 'null', 'sec-fetch-site': 'cross-site' }))).toMatch(/Sec-Fetch-Site: cross-site/);
    expect(crossSiteProblem(request('POST', { origin: 'data:,x' }))).toMatch(/^cross-site request refused/);
  });

  it('accepts same-origin requests, also behind a reverse proxy', () => {
    expect(crossSiteProblem(request('POST', { origin: 'http://app.example', 'sec-fetch-site': 'same-origin' }))).toBeNull();
    // A same-origin form post under Referrer-Policy: no-referrer, as Chromium sends it.
    expect(crossSiteProblem(request('POST', { origin: 'null', 'sec-fetch-site': 'same-origin' }))).toBeNull();
    const proxied = request('POST', { origin: 'https://public.example', 'x-forwarded-host': 'public.example' });
    expect(crossSiteProblem(proxied)).toBeNull();
  });
});
