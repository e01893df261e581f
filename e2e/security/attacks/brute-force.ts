/**
 * Password guessing: one account from one client, many accounts from one
 * client, and a flood from many clients while a viewer reads a file. Each
 * attack uses its own documentation-range client address (the server takes
 * the client from X-Forwarded-For), so the lockouts do not touch other groups.
 */
import { authHeaders, outcome, signInRequest, timed } from '../support';
import type { AttackGroup, AttackOutcome } from '../types';

async function firstFile(baseUrl: string, cookie: string): Promise<string> {
  const manifest = (await (await fetch(`${baseUrl}/api/catalog`, { headers: { cookie } })).json()) as { tables: { files: { path: string }[] }[] };
  const file = manifest.tables[0]?.files[0]?.path;
  if (!file) throw new Error('the sample catalog has no files');
  return file;
}

export const group: AttackGroup = {
  name: 'brute force',
  async run(ctx): Promise<AttackOutcome[]> {
    const results: AttackOutcome[] = [];
    const guess = (username: string, client: string, accept = 'application/json'): Promise<Response> =>
      signInRequest(ctx.baseUrl, { username, password: `guess-${Math.random()}`, next: '/' }, { 'x-forwarded-for': client, accept });

    // One account: 5 attempts, then 429 with Retry-After, from any client.
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await guess('brute-target', '203.0.113.10')).status);
    const locked = await guess('brute-target', '203.0.113.11');
    const body = (await locked.json().catch(() => ({}))) as { error?: string };
    results.push(
      outcome(
        '6 wrong passwords for one account',
        '303 ×5, then 429 + Retry-After',
        `${statuses.join(',')}; other client ${locked.status} Retry-After ${locked.headers.get('retry-after')}`,
        statuses.slice(0, 5).every((status) => status === 303) && statuses[5] === 429 && locked.status === 429 && Number(locked.headers.get('retry-after')) > 0,
        6,
      ),
    );
    results.push(
      outcome(
        'the refusal says how long to wait',
        '"Too many attempts, try again in N s."',
        body.error ?? '(none)',
        /^Too many attempts, try again in \d+ s\.$/.test(body.error ?? ''),
        0,
      ),
    );
    const page = await guess('brute-target', '203.0.113.12', 'text/html');
    const html = await page.text();
    results.push(
      outcome(
        'a browser form post while locked',
        '429 page back to the form with the wait',
        `${page.status} ${/url=([^"]*)/.exec(html)?.[1] ?? ''}`,
        page.status === 429 && html.includes('error=throttled'),
        0,
      ),
    );

    // One client, many accounts: the client limit (20) holds.
    const spread: number[] = [];
    for (let i = 0; i < 22; i++) spread.push((await guess(`spray-${i}`, '203.0.113.20')).status);
    results.push(
      outcome(
        '22 accounts sprayed from one client',
        '429 from the 21st',
        spread.slice(19).join(','),
        spread.slice(0, 20).every((s) => s === 303) && spread[20] === 429,
        22,
      ),
    );

    // A flood of parallel sign-ins from many clients (each under its limit) must not stall file serving.
    const viewer = await ctx.session('viewer');
    const file = await firstFile(ctx.baseUrl, viewer.cookie);
    const read = (): Promise<Response> =>
      fetch(`${ctx.baseUrl}/api/files/${file.split('/').map(encodeURIComponent).join('/')}`, { headers: authHeaders(viewer, { range: 'bytes=0-3' }) });
    const quiet = await timed(async () => (await read()).status);
    const floodStarted = performance.now();
    const flood = Array.from({ length: 80 }, (_, i) => guess(`flood-${i}`, `198.18.${Math.floor(i / 200)}.${i % 200}`).then((response) => response.status));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const during = await timed(async () => (await read()).status);
    const readDone = performance.now();
    const floodStatuses = await Promise.all(flood);
    const floodMs = Math.round(performance.now() - floodStarted);
    const busy = floodStatuses.filter((status) => status === 429).length;
    // On a loaded machine absolute times vary; the read must at least not wait for the hashes to drain.
    const notStalled = during.ms < 3_000 || readDone < floodStarted + floodMs * 0.75;
    results.push(
      outcome(
        '80 parallel sign-ins from 80 clients, one file read meanwhile',
        'file 206 in < 3 s or well before the flood ends',
        `file ${during.value} in ${during.ms} ms (quiet ${quiet.ms}), flood ${floodMs} ms, ${busy}/80 busy`,
        during.value === 206 && notStalled && floodStatuses.every((status) => status === 303 || status === 429),
        80,
      ),
    );
    return results;
  },
};
