/**
 * Forged, expired and tampered cookies, and tampered single sign-on flow cookies.
 * A session is only ever the server's row behind a random token: no cookie an
 * attacker makes, alters, replays after sign-out, or plants under the wrong name
 * may be signed in, and a flow cookie the callback did not issue signs no one in.
 */
import Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import { parseCookies } from '../../../lib/auth/cookie-header';
import type { AttackContext, AttackGroup, AttackOutcome, Role, Session } from '../types';

const ROLES: readonly Role[] = ['viewer', 'analyst', 'admin'];
const SESSION = 'cs_session';
const FLOW = 'cs_oidc';

/** The session token and its cookie's name in a `Cookie` header from the runner (bare on http, `__Host-` over https). */
function tokenOf(session: Session): { name: string; token: string } {
  const cookies = parseCookies(session.cookie);
  for (const name of [`__Host-${SESSION}`, SESSION]) {
    const token = cookies.get(name);
    if (token) return { name, token };
  }
  throw new Error(`the runner's session cookie has no ${SESSION}: ${session.cookie.slice(0, 40)}`);
}

function flip(text: string): string {
  const last = text.at(-1) === 'A' ? 'B' : 'A';
  return `${text.slice(0, -1)}${last}`;
}

async function status(ctx: AttackContext, path: string, headers: Record<string, string>, init: RequestInit = {}): Promise<number> {
  const response = await fetch(`${ctx.baseUrl}${path}`, { redirect: 'manual', ...init, headers });
  await response.body?.cancel();
  return response.status;
}

/** Runs `cookies` against `GET /api/auth/me`; passes when every one answers `expected`. */
async function meWith(
  ctx: AttackContext,
  attack: string,
  cookies: readonly string[],
  expected = 401,
  extra: Record<string, string> = {},
): Promise<AttackOutcome> {
  const answers: number[] = [];
  for (const cookie of cookies) answers.push(await status(ctx, '/api/auth/me', { cookie, ...extra }));
  const wrong = answers.filter((answer) => answer !== expected);
  return {
    attack,
    expected: `${expected} for all ${cookies.length}`,
    received: wrong.length === 0 ? `${expected} for all ${cookies.length}` : `${wrong.length} answered ${[...new Set(wrong)].join('/')}`,
    passed: wrong.length === 0,
    badInputs: cookies.length,
  };
}

function forgedTokens(): string[] {
  return [
    randomBytes(32).toString('base64url'),
    'A'.repeat(43),
    '',
    'short',
    'x'.repeat(44),
    'x'.repeat(4096),
    "' OR '1'='1' --",
    '../../../etc/passwd',
    '%ZZ%00',
    '%00'.repeat(20),
    encodeURIComponent('ä'.repeat(43)),
    createHash('sha256').update('guess').digest('hex'),
  ];
}

async function tampered(ctx: AttackContext): Promise<AttackOutcome[]> {
  const cookies: string[] = [];
  for (const role of ROLES) {
    const { name, token } = tokenOf(await ctx.session(role));
    cookies.push(`${name}=${flip(token)}`, `${name}=${token.slice(1)}`, `${name}=${token}x`, `${name}=${token.toUpperCase()}`);
  }
  return [await meWith(ctx, 'session cookie of each role with one character changed, cut or added', cookies)];
}

async function expired(ctx: AttackContext): Promise<AttackOutcome> {
  const { name, token } = tokenOf(await ctx.session('admin'));
  const db = new Database(ctx.dbPath);
  try {
    db.prepare('UPDATE sessions SET expires_at = ? WHERE token_hash = ?').run(
      new Date(Date.now() - 1000).toISOString(),
      createHash('sha256').update(token, 'utf8').digest('hex'),
    );
  } finally {
    db.close();
  }
  return meWith(ctx, 'admin session cookie after the session expired on the server', [`${name}=${token}`, `${name}=${token}`]);
}

async function afterSignOut(ctx: AttackContext): Promise<AttackOutcome> {
  const session = await ctx.session('analyst');
  const out = await status(
    ctx,
    '/api/auth/signout',
    { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/x-www-form-urlencoded' },
    { method: 'POST', body: `csrf=${encodeURIComponent(session.csrf)}` },
  );
  const replay = await status(ctx, '/api/auth/me', { cookie: session.cookie });
  return {
    attack: 'analyst session cookie replayed after sign-out',
    expected: 'sign-out 303, then 401',
    received: `sign-out ${out}, then ${replay}`,
    passed: out === 303 && replay === 401,
    badInputs: 1,
  };
}

async function wrongName(ctx: AttackContext): Promise<AttackOutcome[]> {
  const { name, token } = tokenOf(await ctx.session('admin'));
  // On plain-http localhost the server reads only the bare name; over https (as a TLS proxy says) only the __Host- one.
  const other = name === SESSION ? `__Host-${SESSION}` : SESSION;
  return [
    await meWith(ctx, `valid admin token under the name this scheme does not use (${other})`, [`${other}=${token}`]),
    await meWith(
      ctx,
      'valid admin token under the bare name on a request that came over https (a cookie planted by another host)',
      [`${SESSION}=${token}`],
      401,
      { 'x-forwarded-proto': 'https' },
    ),
    await meWith(ctx, 'a forged session cookie placed before the valid one (the first of a repeated name is the one read)', [
      `${name}=${randomBytes(32).toString('base64url')}; ${name}=${token}`,
    ]),
    await meWith(ctx, 'valid admin token under look-alike names', [
      `cs_session_=${token}`,
      ` cs-session=${token}`,
      `CS_SESSION=${token}`,
      `__host-cs_session=${token}`,
      `cs_csrf=${token}`,
    ]),
  ];
}

async function csrfMixups(ctx: AttackContext): Promise<AttackOutcome[]> {
  const admin = await ctx.session('admin');
  const viewer = await ctx.session('viewer');
  const body = JSON.stringify({ name: 'attack', sql: 'select 1' });
  const post = (cookie: string, csrf?: string): Promise<number> =>
    status(
      ctx,
      '/api/queries',
      { cookie, 'content-type': 'application/json', ...(csrf === undefined ? {} : { 'x-csrf-token': csrf }) },
      { method: 'POST', body },
    );
  const answers = [await post(admin.cookie, viewer.csrf), await post(admin.cookie, flip(admin.csrf)), await post(admin.cookie), await post(admin.cookie, '')];
  const noSession = await post(`cs_csrf=${admin.csrf}`, admin.csrf);
  return [
    {
      attack: "admin cookie with another session's, a tampered, a missing or an empty CSRF token",
      expected: '403 for all 4',
      received: answers.every((answer) => answer === 403) ? '403 for all 4' : answers.join(', '),
      passed: answers.every((answer) => answer === 403),
      badInputs: 4,
    },
    { attack: 'CSRF cookie and header without a session cookie', expected: '401', received: String(noSession), passed: noSession === 401, badInputs: 1 },
  ];
}

function b64(value: unknown): string {
  return Buffer.from(typeof value === 'string' ? value : JSON.stringify(value), 'utf8').toString('base64url');
}

async function flowCookies(ctx: AttackContext): Promise<AttackOutcome> {
  const flow = { verifier: 'v'.repeat(43), state: 'forged-state', nonce: 'forged-nonce', next: '/', redirectUri: `${ctx.baseUrl}/api/auth/oidc/callback` };
  const values = [
    '',
    'not base64 !!',
    b64('not json'),
    b64([]),
    b64({ state: 'forged-state' }),
    b64({ ...flow, verifier: 42 }),
    b64(flow),
    b64({ ...flow, redirectUri: 'https://evil.example/api/auth/oidc/callback' }),
    b64({ ...flow, next: 'https://evil.example/' }),
    b64({ ...flow, state: 'x'.repeat(3000) }),
  ];
  const failures: string[] = [];
  for (const [index, value] of values.entries()) {
    for (const name of [FLOW, `__Host-${FLOW}`]) {
      const response = await fetch(`${ctx.baseUrl}/api/auth/oidc/callback?code=forged-code&state=forged-state`, {
        redirect: 'manual',
        headers: { cookie: `${name}=${value}` },
      });
      await response.body?.cancel();
      const location = response.headers.get('location') ?? '';
      const signedIn = response.headers.getSetCookie().some((cookie) => /^(__Host-)?cs_session=[^;]/.test(cookie));
      // Refused: back to this site's sign-in page (with an error code), never signed in, never elsewhere.
      const path = location.startsWith(ctx.baseUrl) ? location.slice(ctx.baseUrl.length) : location;
      if (response.status !== 303 || !/^\/signin\?(.*&)?error=oidc(-off)?(&|$)/.test(path) || signedIn)
        failures.push(`#${index} ${name}: ${response.status} ${location}${signedIn ? ' signed in' : ''}`);
    }
  }
  return {
    attack: 'single sign-on callback with a forged code and a missing, garbled, incomplete or tampered flow cookie',
    expected: '303 to /signin?error=oidc…, no session, for all 20',
    received: failures.length === 0 ? '303 to /signin?error=oidc…, no session, for all 20' : failures.slice(0, 3).join('; '),
    passed: failures.length === 0,
    badInputs: values.length * 2,
  };
}

export const group: AttackGroup = {
  name: 'cookies',
  async run(ctx: AttackContext): Promise<AttackOutcome[]> {
    return [
      await meWith(
        ctx,
        'forged and malformed session cookies',
        forgedTokens().map((token) => `${SESSION}=${token}`),
      ),
      await meWith(
        ctx,
        'forged session cookies under the __Host- name',
        forgedTokens()
          .slice(0, 4)
          .map((token) => `__Host-${SESSION}=${token}`),
      ),
      ...(await tampered(ctx)),
      await expired(ctx),
      await afterSignOut(ctx),
      ...(await wrongName(ctx)),
      ...(await csrfMixups(ctx)),
      await flowCookies(ctx),
    ];
  },
};
