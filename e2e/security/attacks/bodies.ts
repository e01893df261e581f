/**
 * Oversized bodies, refused before authentication, and range batches that are
 * too large or too many at once.
 */
import { authHeaders, outcome, statusAndText, statusOutcome } from '../support';
import type { AttackGroup, AttackOutcome } from '../types';

const MiB = 1024 * 1024;

interface Manifest {
  tables: { files: { path: string; size: number }[] }[];
}

export const group: AttackGroup = {
  name: 'bodies',
  async run(ctx): Promise<AttackOutcome[]> {
    const results: AttackOutcome[] = [];
    const analyst = await ctx.session('analyst');
    const big = (bytes: number): string => JSON.stringify({ name: 'x', sql: 'x'.repeat(bytes) });

    const publicBig = await fetch(`${ctx.baseUrl}/api/auth/signin`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `username=a&password=${'p'.repeat(100 * 1024)}`,
    });
    results.push(statusOutcome('100 KB sign-in form (public route)', 413, (await statusAndText(publicBig)).status));
    const anonymous = await fetch(`${ctx.baseUrl}/api/queries`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: big(3 * MiB) });
    results.push(statusOutcome('3 MiB JSON to an API, signed out (before the 401)', 413, (await statusAndText(anonymous)).status));
    const signedIn = await fetch(`${ctx.baseUrl}/api/queries`, {
      method: 'POST',
      headers: authHeaders(analyst, { 'content-type': 'application/json' }),
      body: big(3 * MiB),
    });
    const signedInAnswer = await statusAndText(signedIn);
    results.push(
      outcome(
        '3 MiB JSON to /api/queries as analyst',
        '413 with a message',
        `${signedInAnswer.status} ${signedInAnswer.text.slice(0, 60)}`,
        signedInAnswer.status === 413 && signedInAnswer.text.includes('larger than'),
      ),
    );
    const routeLimit = await fetch(`${ctx.baseUrl}/api/queries`, {
      method: 'POST',
      headers: authHeaders(analyst, { 'content-type': 'application/json' }),
      body: big(1 * MiB),
    });
    results.push(statusOutcome('1 MiB JSON to /api/queries (route limit 512 KB)', 413, (await statusAndText(routeLimit)).status));
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"name":"x","sql":"'));
        controller.close();
      },
    });
    const chunked = await fetch(`${ctx.baseUrl}/api/queries`, {
      method: 'POST',
      headers: authHeaders(analyst, { 'content-type': 'application/json' }),
      body: chunks,
      duplex: 'half',
    } as RequestInit & { duplex: 'half' });
    results.push(statusOutcome('chunked body without Content-Length', 411, (await statusAndText(chunked)).status));

    const viewer = await ctx.session('viewer');
    const manifest = (await (await fetch(`${ctx.baseUrl}/api/catalog`, { headers: { cookie: viewer.cookie } })).json()) as Manifest;
    const files = manifest.tables.flatMap((table) => table.files).filter((file) => file.size >= 4096);
    if (files.length === 0) throw new Error('the sample has no file of 4 KiB');
    const batch = (parts: { path: string; start: number; end: number }[]): Promise<Response> =>
      fetch(`${ctx.baseUrl}/api/files`, {
        method: 'POST',
        headers: authHeaders(viewer, { 'content-type': 'application/json' }),
        body: JSON.stringify({ parts }),
      });
    const small = (count: number, length: number): { path: string; start: number; end: number }[] =>
      Array.from({ length: count }, (_, at) => {
        const file = files[at % files.length]!;
        return { path: file.path, start: 0, end: Math.min(length, file.size) - 1 };
      });

    const many = await statusAndText(await batch(small(4_000, 8)));
    results.push(
      outcome(
        'range batch of 4,000 parts',
        '413 with a message',
        `${many.status} ${many.text.slice(0, 60)}`,
        many.status === 413 && many.text.includes('at most'),
        1,
      ),
    );
    const huge = await statusAndText(await batch([{ path: files[0]!.path, start: 0, end: 20 * MiB }]));
    results.push(statusOutcome('range batch asking for 20 MiB', 413, huge.status));
    const negative = await statusAndText(await batch([{ path: files[0]!.path, start: 5, end: 1 }]));
    results.push(statusOutcome('range batch with end before start', 400, negative.status));

    // 16 batches of 2,000 × 4 KiB parts at once (8 MiB each): past the per-user budget (8 batches, 64 MiB).
    const parallel = await Promise.all(
      Array.from({ length: 16 }, async () => {
        const response = await batch(small(2_000, 4096));
        return { status: response.status, retryAfter: response.headers.get('retry-after'), body: await response.arrayBuffer() };
      }),
    );
    const refused = parallel.filter((answer) => answer.status === 429);
    const served = parallel.filter((answer) => answer.status === 200);
    results.push(
      outcome(
        '16 concurrent 8 MiB range batches from one viewer',
        'some 200, the rest 429 + Retry-After',
        `${served.length}×200, ${refused.length}×429 (Retry-After ${refused[0]?.retryAfter ?? '-'})`,
        served.length > 0 && refused.length > 0 && served.length + refused.length === 16 && refused.every((answer) => answer.retryAfter !== null),
        16,
      ),
    );
    const after = await statusAndText(await batch(small(10, 4096)));
    results.push(outcome('a normal batch once the flood is over', '200', String(after.status), after.status === 200, 0));
    return results;
  },
};
