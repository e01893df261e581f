/**
 * Open redirects after sign-in: `next` variants that normalise or decode to
 * another host must land on `/`, on the form path, on the sign-in page's
 * hidden field, and on the single sign-on start. A tampered OIDC flow cookie is
 * covered at unit level too (lib/auth/oidc/flow.test.ts): without a provider
 * the callback must still not follow it.
 */
import { outcome, setCookieValue, signInRequest } from '../support';
import type { AttackGroup, AttackOutcome } from '../types';

/** Each must never leave the site. */
export const EVIL_NEXT = [
  '//evil.example',
  '/.//evil.example',
  '/..//evil.example',
  '/x/../..//evil.example/path',
  '/%2e//evil.example',
  '/%2E%2E//evil.example',
  '/\\evil.example',
  '/.\\evil.example',
  '/%5cevil.example',
  '/%5c%5cevil.example',
  '/%2f%2fevil.example',
  '/\t/evil.example',
  '/\n/evil.example',
  'https://evil.example/',
  'javascript:alert(1)',
];

function offSite(location: string | null, base: string): boolean {
  if (location === null) return false;
  try {
    const target = new URL(location, base);
    return target.origin !== new URL(base).origin || target.pathname.startsWith('//');
  } catch {
    return true;
  }
}

export const group: AttackGroup = {
  name: 'redirects',
  async run(ctx): Promise<AttackOutcome[]> {
    const results: AttackOutcome[] = [];
    // Demo accounts sign in without touching the suite's role accounts (the sample is the source).
    for (const next of EVIL_NEXT) {
      const response = await signInRequest(ctx.baseUrl, { username: 'viewer', password: 'clusterscope-viewer', next });
      const location = response.headers.get('location');
      const label = JSON.stringify(next);
      results.push(
        outcome(
          `form sign-in, next=${label}`,
          '303 to /',
          `${response.status} to ${location}`,
          response.status === 303 && location === '/' && !offSite(location, ctx.baseUrl),
          1,
        ),
      );
    }
    for (const next of EVIL_NEXT.slice(0, 8)) {
      const page = await fetch(`${ctx.baseUrl}/signin?next=${encodeURIComponent(next)}`);
      const html = await page.text();
      const field = /name="next" value="([^"]*)"/.exec(html)?.[1] ?? '(none)';
      results.push(outcome(`sign-in page hidden next for ${JSON.stringify(next)}`, 'value "/"', `value "${field}"`, field === '/', 0));
      const sso = await fetch(`${ctx.baseUrl}/api/auth/oidc/login?next=${encodeURIComponent(next)}`, { redirect: 'manual' });
      const location = sso.headers.get('location') ?? '';
      const carried = new URL(location, ctx.baseUrl).searchParams.get('next');
      results.push(
        outcome(
          `OIDC login, next=${JSON.stringify(next)}`,
          'no unsafe next carried',
          `${sso.status} to ${location}`,
          sso.status === 303 && carried === null && !offSite(location, ctx.baseUrl),
          0,
        ),
      );
    }
    const tampered = Buffer.from(
      JSON.stringify({ verifier: 'v', state: 's', nonce: 'n', next: '/.//evil.example', redirectUri: `${ctx.baseUrl}/api/auth/oidc/callback` }),
    ).toString('base64url');
    const callback = await fetch(`${ctx.baseUrl}/api/auth/oidc/callback?code=x&state=s`, { redirect: 'manual', headers: { cookie: `cs_oidc=${tampered}` } });
    const location = callback.headers.get('location');
    results.push(
      outcome(
        'OIDC callback with a tampered flow cookie (next=/.//evil.example)',
        '303 to sign-in, no session',
        `${callback.status} to ${location}`,
        callback.status === 303 &&
          !offSite(location, ctx.baseUrl) &&
          (location ?? '').startsWith('/signin') &&
          setCookieValue(callback, 'cs_session') === undefined,
      ),
    );
    return results;
  },
};
