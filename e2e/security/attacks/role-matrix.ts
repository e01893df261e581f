/**
 * Every API route × viewer, analyst, admin and signed out. The routes are read
 * from app/api, so a new route (or method) without an expectation here fails the
 * suite. Writes send an empty JSON object: a role that may write gets past the
 * role check to validation (400) or to the missing record (404); nothing changes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { authHeaders, outcome } from '../support';
import type { AttackGroup, AttackOutcome, Role, Session } from '../types';

const API = path.resolve(__dirname, '../../../app/api');
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
type Method = (typeof METHODS)[number];
type Who = Role | 'signed out';
const WHO: readonly Who[] = ['signed out', 'viewer', 'analyst', 'admin'];
const RANK: Record<Role, number> = { viewer: 1, analyst: 2, admin: 3 };

/** What a route answers: below `min` 403, signed out 401, otherwise `allowed`; or a fixed answer per caller. */
type Expectation = { min: Role; allowed: number } | { fixed: Record<Who, number> };

const PUBLIC_REDIRECT: Expectation = { fixed: { 'signed out': 303, viewer: 303, analyst: 303, admin: 303 } };

/** `METHOD /api/<folders>` → expectation. */
export const EXPECTED: Record<string, Expectation> = {
  'GET /api/advisor/decisions': { min: 'viewer', allowed: 200 },
  'POST /api/advisor/decisions': { min: 'analyst', allowed: 400 },
  // Without ?finding= there is nothing to forget: refused as invalid.
  'DELETE /api/advisor/decisions': { min: 'analyst', allowed: 400 },
  'GET /api/audit': { min: 'admin', allowed: 200 },
  'POST /api/audit': { min: 'admin', allowed: 400 },
  'GET /api/auth/me': { min: 'viewer', allowed: 200 },
  'GET /api/auth/oidc/callback': PUBLIC_REDIRECT,
  'GET /api/auth/oidc/login': PUBLIC_REDIRECT,
  'POST /api/auth/signin': PUBLIC_REDIRECT,
  // Without the CSRF token a session is not ended (403); signed out there is nothing to end.
  'POST /api/auth/signout': { fixed: { 'signed out': 303, viewer: 403, analyst: 403, admin: 403 } },
  'GET /api/catalog': { min: 'viewer', allowed: 200 },
  'GET /api/dashboards': { min: 'viewer', allowed: 200 },
  'POST /api/dashboards': { min: 'analyst', allowed: 400 },
  'GET /api/dashboards/[id]': { min: 'viewer', allowed: 404 },
  'PUT /api/dashboards/[id]': { min: 'analyst', allowed: 400 },
  // A delete names the version it removes; without one it is refused as invalid.
  'DELETE /api/dashboards/[id]': { min: 'analyst', allowed: 400 },
  'GET /api/files/[...path]': { min: 'viewer', allowed: 404 },
  'HEAD /api/files/[...path]': { min: 'viewer', allowed: 404 },
  'POST /api/files': { min: 'viewer', allowed: 400 },
  'GET /api/fle/profiles': { min: 'admin', allowed: 200 },
  'POST /api/fle/profiles': { min: 'admin', allowed: 400 },
  'PUT /api/fle/profiles/[id]': { min: 'admin', allowed: 400 },
  'DELETE /api/fle/profiles/[id]': { min: 'admin', allowed: 404 },
  'POST /api/links': { min: 'analyst', allowed: 400 },
  'GET /api/links/[id]': { min: 'viewer', allowed: 404 },
  'DELETE /api/links/[id]': { min: 'viewer', allowed: 404 },
  'GET /api/queries': { min: 'viewer', allowed: 200 },
  'POST /api/queries': { min: 'analyst', allowed: 400 },
  'GET /api/queries/[id]': { min: 'viewer', allowed: 404 },
  'PUT /api/queries/[id]': { min: 'analyst', allowed: 400 },
  'DELETE /api/queries/[id]': { min: 'analyst', allowed: 400 },
  'GET /api/users': { min: 'admin', allowed: 200 },
  'POST /api/users': { min: 'admin', allowed: 400 },
  'PUT /api/users/[name]': { min: 'admin', allowed: 400 },
  'DELETE /api/users/[name]': { min: 'admin', allowed: 404 },
};

/** Every `METHOD /api/...` the app/api folder exports. */
export function apiRoutes(dir: string = API, prefix = '/api'): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) found.push(...apiRoutes(path.join(dir, entry.name), `${prefix}/${entry.name}`));
    else if (entry.name === 'route.ts') {
      const source = readFileSync(path.join(dir, entry.name), 'utf8');
      for (const method of METHODS) if (new RegExp(`export (const|async function|function) ${method}\\b`).test(source)) found.push(`${method} ${prefix}`);
    }
  }
  return found.sort();
}

function concrete(template: string): string {
  return template.replace('[...path]', 'no/such/part.parquet').replace('[id]', 'AAAAAAAAAAAAAAAAAAAAAA').replace('[name]', 'no-such-user');
}

function expectedFor(expectation: Expectation, who: Who): number {
  if ('fixed' in expectation) return expectation.fixed[who];
  if (who === 'signed out') return 401;
  return RANK[who] >= RANK[expectation.min] ? expectation.allowed : 403;
}

async function call(baseUrl: string, route: string, session: Session | null): Promise<number> {
  const [method, template] = route.split(' ') as [Method, string];
  const write = method !== 'GET' && method !== 'HEAD';
  const form = template.startsWith('/api/auth/sign');
  const headers = authHeaders(
    session,
    write ? { 'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json' } : {},
    !template.endsWith('/signout'),
  );
  const response = await fetch(`${baseUrl}${concrete(template)}`, { method, headers, redirect: 'manual', body: write ? (form ? '' : '{}') : undefined });
  await response.body?.cancel();
  return response.status;
}

export const group: AttackGroup = {
  name: 'role matrix',
  async run(ctx): Promise<AttackOutcome[]> {
    const results: AttackOutcome[] = [];
    const sessions: Record<Who, Session | null> = {
      'signed out': null,
      viewer: await ctx.session('viewer'),
      analyst: await ctx.session('analyst'),
      admin: await ctx.session('admin'),
    };
    const routes = apiRoutes();
    for (const route of routes) {
      const expectation = EXPECTED[route];
      if (!expectation) {
        results.push(outcome(`${route}: has an expectation`, 'listed in role-matrix.ts', 'missing', false, 0));
        continue;
      }
      const expected = WHO.map((who) => expectedFor(expectation, who));
      const received: number[] = [];
      for (const who of WHO) received.push(await call(ctx.baseUrl, route, sessions[who]));
      // A caller below the route's role is a bad input; an allowed one is the control.
      const bad = WHO.filter((who, at) => expected[at] === 401 || expected[at] === 403).length;
      results.push(
        outcome(
          `${route} (out/viewer/analyst/admin)`,
          expected.join('/'),
          received.join('/'),
          received.every((status, at) => status === expected[at]),
          bad,
        ),
      );
    }
    for (const stale of Object.keys(EXPECTED).filter((route) => !routes.includes(route))) {
      results.push(outcome(`${stale}: still a route`, 'in app/api', 'gone: drop its expectation', false, 0));
    }
    return results;
  },
};
