/**
 * Ownership (issue 15, point 10): an analyst tries to change and delete
 * another analyst's saved query and dashboard, and anyone (admins included)
 * tries to change or delete a shipped dashboard. Each must answer 403 and
 * leave the record as it was. Controls: the owner and an admin may.
 */
import { randomBytes } from 'node:crypto';
import type { AttackContext, AttackGroup, AttackOutcome, Session } from '../types';
import { answerText, expectStatus, fetchAs } from './fetch-as';

const SHIPPED = ['fleet-overview', 'alerts-table-health'];

/** Signs in through the form and returns the session (cookie names as the server sets them). */
async function signIn(baseUrl: string, name: string, password: string): Promise<Session> {
  const response = await fetch(new URL('/api/auth/signin', baseUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: baseUrl },
    body: new URLSearchParams({ username: name, password, next: '/' }),
    redirect: 'manual',
  });
  const pairs = response.headers.getSetCookie().map((line) => line.split(';')[0] ?? '');
  const csrf = pairs.find((pair) => /cs_csrf=/.test(pair))?.split('=')[1];
  if (response.status !== 303 || !csrf) throw new Error(`signing in as ${name} failed: ${response.status}`);
  return { cookie: pairs.join('; '), csrf: decodeURIComponent(csrf) };
}

/** A second analyst (B), created by the admin for this run. */
async function secondAnalyst(ctx: AttackContext, admin: Session): Promise<{ name: string; session: Session }> {
  const name = `sec-analyst-b-${randomBytes(4).toString('hex')}`;
  const password = randomBytes(18).toString('base64url');
  const created = await fetchAs(ctx.baseUrl, admin, 'POST', '/api/users', { name, role: 'analyst', password });
  if (created.status !== 201) throw new Error(`creating analyst B failed: ${created.status} ${await answerText(created)}`);
  return { name, session: await signIn(ctx.baseUrl, name, password) };
}

async function json<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

interface Stored {
  id: string;
  version: number;
  name: string;
  owner: string | null;
}

export const group: AttackGroup = {
  name: 'ownership of saved queries and dashboards',
  async run(ctx) {
    const [alice, admin, viewer] = await Promise.all([ctx.session('analyst'), ctx.session('admin'), ctx.session('viewer')]);
    const bob = await secondAnalyst(ctx, admin);
    const outcomes: AttackOutcome[] = [];
    const as = (session: Session, method: string, path: string, body?: unknown): Promise<Response> => fetchAs(ctx.baseUrl, session, method, path, body);

    const query = await json<Stored>(await as(alice, 'POST', '/api/queries', { name: 'Owned by A', sql: 'select 1' }));
    const dashboard = await json<Stored>(await as(alice, 'POST', '/api/dashboards', { name: 'Owned by A' }));
    const queryPath = `/api/queries/${encodeURIComponent(query.id)}`;
    const dashboardPath = `/api/dashboards/${encodeURIComponent(dashboard.id)}`;

    outcomes.push(
      await expectStatus(
        "analyst B overwrites A's saved query",
        await as(bob.session, 'PUT', queryPath, { name: 'Taken', sql: 'select 666', version: 1 }),
        403,
      ),
    );
    outcomes.push(
      await expectStatus(
        "analyst B overwrites A's saved query, claiming to own it",
        await as(bob.session, 'PUT', queryPath, { name: 'Taken', sql: 'select 666', version: 1, owner: bob.name }),
        403,
      ),
    );
    outcomes.push(await expectStatus("analyst B deletes A's saved query", await as(bob.session, 'DELETE', `${queryPath}?version=1`), 403));
    outcomes.push(
      await expectStatus("a viewer overwrites A's saved query", await as(viewer, 'PUT', queryPath, { name: 'Taken', sql: 'select 666', version: 1 }), 403),
    );
    outcomes.push(await expectStatus("analyst B overwrites A's dashboard", await as(bob.session, 'PUT', dashboardPath, { name: 'Taken', version: 1 }), 403));
    outcomes.push(await expectStatus("analyst B deletes A's dashboard", await as(bob.session, 'DELETE', `${dashboardPath}?version=1`), 403));
    for (const id of SHIPPED) {
      const path = `/api/dashboards/${id}`;
      outcomes.push(
        await expectStatus(`analyst B overwrites shipped dashboard ${id}`, await as(bob.session, 'PUT', path, { name: 'Defaced', version: 1 }), 403),
      );
      outcomes.push(await expectStatus(`analyst B deletes shipped dashboard ${id}`, await as(bob.session, 'DELETE', `${path}?version=1`), 403));
      outcomes.push(await expectStatus(`an admin overwrites shipped dashboard ${id}`, await as(admin, 'PUT', path, { name: 'Defaced', version: 1 }), 403));
      outcomes.push(await expectStatus(`an admin deletes shipped dashboard ${id}`, await as(admin, 'DELETE', `${path}?version=1`), 403));
    }
    const created = await as(bob.session, 'POST', '/api/queries', { name: 'Planted', sql: 'select 1', owner: 'someone-else' });
    outcomes.push(await expectStatus('analyst B creates a saved query naming another owner', created, 400));

    // Nothing changed, and the owner and an admin still may.
    const after = await json<Stored>(await as(alice, 'GET', queryPath));
    outcomes.push({
      attack: "A's saved query after the attempts",
      expected: `version 1, owner ${query.owner ?? '?'}`,
      received: `version ${after.version}, owner ${after.owner ?? 'none'}`,
      passed: after.version === 1 && after.owner === query.owner && after.name === 'Owned by A',
      badInputs: 0,
    });
    outcomes.push(
      await expectStatus(
        'the owner changes their saved query (control)',
        await as(alice, 'PUT', queryPath, { name: 'Owned by A', sql: 'select 2', version: 1 }),
        200,
        0,
      ),
    );
    outcomes.push(await expectStatus("an admin deletes A's dashboard (control)", await as(admin, 'DELETE', `${dashboardPath}?version=1`), 204, 0));
    outcomes.push(await expectStatus('the owner deletes their saved query (control)', await as(alice, 'DELETE', `${queryPath}?version=2`), 204, 0));
    await as(admin, 'DELETE', `/api/users/${encodeURIComponent(bob.name)}`);
    return outcomes;
  },
};
