/**
 * Path traversal on the file route, and a symlink swapped in after the catalog
 * scan that points outside the source: nothing outside the listed files is served.
 */
import { existsSync, lstatSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { authHeaders, outcome, statusAndText } from '../support';
import type { AttackGroup, AttackOutcome } from '../types';

const SOURCE = path.resolve(__dirname, '../../../data/sample');

/** Raw request paths after `/api/files/`; each is sent as written (no URL normalisation). */
export const TRAVERSALS = [
  '..%2f..%2f..%2fetc%2fpasswd',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '%2e%2e/%2e%2e/%2e%2e/etc/passwd',
  '%252e%252e%252fetc%252fpasswd',
  '..%5c..%5cetc%5cpasswd',
  '%2fetc%2fpasswd',
  '%2Fetc/passwd',
  'C:%5cWindows%5cwin.ini',
  'stl_query%00.parquet',
  'extract_redshift_query_logs/data/stl_query/..%2f..%2f..%2f..%2fpackage.json',
  '.%2fpackage.json',
  'package.json',
  '..%c0%af..%c0%afetc%c0%afpasswd',
  '%ff%fe',
  'stl_query%e2%82',
  'a//b',
];

async function rawGet(baseUrl: string, rawPath: string, headers: Record<string, string>): Promise<Response> {
  // fetch() would resolve "../" itself; percent-encoded forms reach the server as written.
  return fetch(`${baseUrl}/api/files/${rawPath}`, { headers });
}

export const group: AttackGroup = {
  name: 'path traversal',
  async run(ctx): Promise<AttackOutcome[]> {
    const results: AttackOutcome[] = [];
    const viewer = await ctx.session('viewer');
    for (const raw of TRAVERSALS) {
      const answer = await statusAndText(await rawGet(ctx.baseUrl, raw, authHeaders(viewer)));
      const leaked = answer.text.includes('root:') || answer.text.includes('"name": "clusterscope"') || answer.text.includes('[fonts]');
      results.push(
        outcome(
          `GET /api/files/${raw}`,
          '400 or 404, nothing read',
          `${answer.status}${leaked ? ' LEAKED' : ''}`,
          (answer.status === 400 || answer.status === 404) && !leaked,
        ),
      );
    }

    // Swap a listed file for a symlink to /etc/passwd after the scan, then restore it.
    const manifest = (await (await fetch(`${ctx.baseUrl}/api/catalog`, { headers: { cookie: viewer.cookie } })).json()) as {
      tables: { files: { path: string }[] }[];
    };
    const listed = manifest.tables[0]?.files[0]?.path;
    if (!listed) throw new Error('the sample catalog has no files');
    const real = path.join(SOURCE, listed);
    const aside = `${real}.security-aside`;
    if (!existsSync(real) || lstatSync(real).isSymbolicLink()) throw new Error(`${listed} is not a regular file in ${SOURCE}`);
    renameSync(real, aside);
    try {
      symlinkSync('/etc/passwd', real);
      const url = `${ctx.baseUrl}/api/files/${listed.split('/').map(encodeURIComponent).join('/')}`;
      const swapped = await statusAndText(await fetch(url, { headers: authHeaders(viewer) }));
      results.push(
        outcome(
          'a listed file swapped for a symlink to /etc/passwd',
          '404, nothing read',
          `${swapped.status}${swapped.text.includes('root:') ? ' LEAKED' : ''}`,
          swapped.status === 404 && !swapped.text.includes('root:'),
        ),
      );
      const ranged = await statusAndText(await fetch(url, { headers: authHeaders(viewer, { range: 'bytes=0-3' }) }));
      results.push(outcome('the same, with a Range', '404', String(ranged.status), ranged.status === 404, 0));
      const batched = await fetch(`${ctx.baseUrl}/api/files`, {
        method: 'POST',
        headers: authHeaders(viewer, { 'content-type': 'application/json' }),
        body: JSON.stringify({ parts: [{ path: listed, start: 0, end: 3 }] }),
      });
      const bytes = new Uint8Array(await batched.arrayBuffer());
      const index = new TextDecoder().decode(bytes.subarray(4, 4 + new DataView(bytes.buffer).getUint32(0)));
      results.push(outcome('the same, in a range batch', 'part status 404', index, batched.status === 200 && index.includes('"status":404'), 0));
    } finally {
      rmSync(real, { force: true });
      renameSync(aside, real);
    }
    // The catalog may have been rebuilt while the symlink was there; list again, as the Refresh button does.
    await (await fetch(`${ctx.baseUrl}/api/catalog?refresh=1`, { headers: { cookie: viewer.cookie } })).arrayBuffer();
    const restored = await fetch(`${ctx.baseUrl}/api/files/${listed.split('/').map(encodeURIComponent).join('/')}`, {
      headers: authHeaders(viewer, { range: 'bytes=0-3' }),
    });
    results.push(outcome('the file once restored', '206', String(restored.status), restored.status === 206, 0));
    return results;
  },
};
