/**
 * CSP `connect-src` (issue 15, point 8): the browser may reach exactly the
 * configured S3 buckets, never a whole S3 endpoint or a wildcard host. The
 * suite serves the bundled local sample, so `connect-src` must be `'self'`
 * alone, on pages and API answers, signed in and signed out. (The bucket
 * lists for AWS and custom endpoints are unit-tested in
 * `lib/security/connect-sources.test.ts`.)
 */
import type { AttackGroup, AttackOutcome } from '../types';
import { fetchAs } from './fetch-as';

const PATHS = ['/', '/signin', '/dashboards', '/api/catalog'];

/** A source that reaches more than one bucket: a wildcard, or an S3 host without a bucket in its name or path. */
function tooBroad(source: string): boolean {
  if (source.includes('*')) return true;
  const match = /^https?:\/\/([^/]+)(\/.*)?$/.exec(source);
  if (!match) return false;
  const [, host = '', path = ''] = match;
  const s3Endpoint = /^s3([.-][a-z0-9-]+)?\.amazonaws\.com(\.cn)?$/.test(host);
  return s3Endpoint && path.replace(/\/+$/, '') === '';
}

export const group: AttackGroup = {
  name: 'CSP connect-src names only configured buckets',
  async run(ctx) {
    const viewer = await ctx.session('viewer');
    const outcomes: AttackOutcome[] = [];
    for (const [who, session] of [
      ['viewer', viewer],
      ['signed out', null],
    ] as const) {
      for (const path of PATHS) {
        const response = await fetchAs(ctx.baseUrl, session, 'GET', path);
        await response.body?.cancel();
        const policy = response.headers.get('content-security-policy') ?? '';
        const connect = policy
          .split(';')
          .map((directive) => directive.trim().split(/\s+/))
          .find((parts) => parts[0] === 'connect-src');
        const sources = connect?.slice(1) ?? [];
        outcomes.push({
          attack: `connect-src of ${path} (${who})`,
          expected: "'self' only (local sample); no wildcard or bare S3 endpoint",
          received: connect ? connect.join(' ') : '(no connect-src)',
          passed: connect !== undefined && sources.length === 1 && sources[0] === "'self'" && !sources.some(tooBroad),
          badInputs: 0,
        });
      }
    }
    return outcomes;
  },
};
