/** State-changing requests without the CSRF token, with a wrong one, or from another site. */
import { setCookieValue, signInRequest, statusAndText, statusOutcome, outcome } from '../support';
import type { AttackGroup, AttackOutcome } from '../types';

const QUERY = JSON.stringify({ name: 'csrf probe', description: '', tags: [], sql: 'SELECT 1' });

export const group: AttackGroup = {
  name: 'csrf',
  async run(ctx): Promise<AttackOutcome[]> {
    const results: AttackOutcome[] = [];
    const analyst = await ctx.session('analyst');
    const post = async (headers: Record<string, string>): Promise<number> =>
      (
        await statusAndText(
          await fetch(`${ctx.baseUrl}/api/queries`, {
            method: 'POST',
            headers: { cookie: analyst.cookie, 'content-type': 'application/json', ...headers },
            body: QUERY,
          }),
        )
      ).status;
    const cases: [string, Record<string, string>][] = [
      ['no token', {}],
      ['wrong token', { 'x-csrf-token': 'A'.repeat(43) }],
      ['empty token', { 'x-csrf-token': '' }],
      ['the token of another session', { 'x-csrf-token': (await ctx.session('analyst')).csrf }],
      ['right token, Origin https://evil.example', { 'x-csrf-token': analyst.csrf, origin: 'https://evil.example' }],
      ['right token, Sec-Fetch-Site cross-site', { 'x-csrf-token': analyst.csrf, 'sec-fetch-site': 'cross-site' }],
      ['right token, Sec-Fetch-Site same-site', { 'x-csrf-token': analyst.csrf, 'sec-fetch-site': 'same-site' }],
      ['right token, Origin null from a cross-site form', { 'x-csrf-token': analyst.csrf, origin: 'null', 'sec-fetch-site': 'cross-site' }],
      ['right token, Origin not a URL', { 'x-csrf-token': analyst.csrf, origin: 'evil' }],
    ];
    for (const [label, headers] of cases) results.push(statusOutcome(`POST /api/queries, ${label}`, 403, await post(headers)));
    results.push(
      statusOutcome('POST /api/queries with the token, same origin (control)', 201, await post({ 'x-csrf-token': analyst.csrf, origin: ctx.baseUrl }), 0),
    );

    const admin = await ctx.session('admin');
    const deleteUser = await fetch(`${ctx.baseUrl}/api/users/sec-viewer`, {
      method: 'DELETE',
      headers: { cookie: admin.cookie, origin: 'https://evil.example' },
    });
    results.push(statusOutcome('DELETE /api/users/sec-viewer as admin from another site, no token', 403, deleteUser.status));

    const signOut = await fetch(`${ctx.baseUrl}/api/auth/signout`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: analyst.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
    });
    results.push(statusOutcome('sign-out without the token (logout CSRF)', 403, signOut.status));

    // Login CSRF: another site must not sign the victim in to the attacker's account.
    const login = await signInRequest(ctx.baseUrl, { username: 'viewer', password: 'clusterscope-viewer' }, { origin: 'https://evil.example' });
    results.push(
      outcome(
        'sign-in form posted from another site',
        '303 to /signin?error=cross-site, no cookie',
        `${login.status} to ${login.headers.get('location')}`,
        login.headers.get('location') === '/signin?error=cross-site' && setCookieValue(login, 'cs_session') === undefined,
      ),
    );
    return results;
  },
};
