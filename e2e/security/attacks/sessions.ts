/** Forged, malformed, expired and ended session cookies get nothing. */
import { randomBytes } from 'node:crypto';
import { tokenHash } from '../../../lib/auth/sessions';
import { closeStore, getStore } from '../../../lib/store/server';
import { setCookieValue, signInRequest, statusOutcome } from '../support';
import type { AttackGroup, AttackOutcome } from '../types';

async function me(baseUrl: string, cookie: string): Promise<number> {
  const response = await fetch(`${baseUrl}/api/auth/me`, { headers: { cookie } });
  await response.body?.cancel();
  return response.status;
}

/** Writes an already-expired session straight into the server's store; its token. */
async function expiredSession(dbPath: string): Promise<string> {
  const previous = process.env.CLUSTERSCOPE_DB;
  process.env.CLUSTERSCOPE_DB = dbPath;
  try {
    const token = randomBytes(32).toString('base64url');
    const now = Date.now();
    await getStore().sessions.create({
      tokenHash: tokenHash(token),
      userId: 'sec-admin',
      userName: 'sec-admin',
      role: 'admin',
      provider: 'local',
      csrfToken: randomBytes(32).toString('base64url'),
      createdAt: new Date(now - 13 * 3600_000).toISOString(),
      expiresAt: new Date(now - 3600_000).toISOString(),
      claimsCheckedAt: null,
      oidcTokens: null,
    });
    return token;
  } finally {
    await closeStore();
    if (previous === undefined) delete process.env.CLUSTERSCOPE_DB;
    else process.env.CLUSTERSCOPE_DB = previous;
  }
}

export const group: AttackGroup = {
  name: 'sessions',
  async run(ctx): Promise<AttackOutcome[]> {
    const results: AttackOutcome[] = [];
    const forged: [string, string][] = [
      ['random 43-character token', `cs_session=${randomBytes(32).toString('base64url')}`],
      ['token of the wrong shape', 'cs_session=admin'],
      ['token with traversal characters', 'cs_session=../../etc/passwd'],
      ['4 KB token', `cs_session=${'A'.repeat(4096)}`],
      ['empty token', 'cs_session='],
      ['CSRF cookie only', `cs_csrf=${randomBytes(32).toString('base64url')}`],
      ['two session cookies, both forged', `cs_session=${randomBytes(32).toString('base64url')}; cs_session=${randomBytes(32).toString('base64url')}`],
    ];
    for (const [label, cookie] of forged) results.push(statusOutcome(`forged cookie: ${label}`, 401, await me(ctx.baseUrl, cookie)));
    const pagesRedirect = await fetch(`${ctx.baseUrl}/`, { redirect: 'manual', headers: { cookie: forged[0]![1] } });
    results.push(statusOutcome('forged cookie on the console page', 307, pagesRedirect.status, 0));

    const expired = await expiredSession(ctx.dbPath);
    results.push(statusOutcome('expired session (admin) on /api/auth/me', 401, await me(ctx.baseUrl, `cs_session=${expired}`)));
    results.push(
      statusOutcome(
        'expired session (admin) on /api/users',
        401,
        (await fetch(`${ctx.baseUrl}/api/users`, { headers: { cookie: `cs_session=${expired}` } })).status,
        0,
      ),
    );

    const signIn = await signInRequest(ctx.baseUrl, { username: 'viewer', password: 'clusterscope-viewer' });
    const token = setCookieValue(signIn, 'cs_session') ?? '';
    const csrf = decodeURIComponent(setCookieValue(signIn, 'cs_csrf') ?? '');
    const cookie = `cs_session=${token}`;
    const before = await me(ctx.baseUrl, cookie);
    const out = await fetch(`${ctx.baseUrl}/api/auth/signout`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: `csrf=${encodeURIComponent(csrf)}`,
    });
    await out.body?.cancel();
    results.push(statusOutcome(`a stolen cookie after its owner signed out (was ${before})`, 401, await me(ctx.baseUrl, cookie)));
    return results;
  },
};
