/**
 * Links from elsewhere: a cross-site page that opens a `run=1` deep link must
 * not make the console run it, and forged short-link ids get "does not exist",
 * never an error page. (`#share=` payloads never reach the server; their
 * oversized, forged and decompression-bomb forms are unit-tested in lib/share/codec.test.ts.)
 */
import { outcome } from '../support';
import type { AttackGroup, AttackOutcome } from '../types';

const DEEP_LINK = '/?sql=SELECT%20count(*)%20FROM%20stl_query&run=1';

/** Whether the console page was told to hold the run (the notice, or the prop in the page's data). */
function held(html: string): boolean {
  return html.includes('deep-link-held') || /heldRun\\?":true/.test(html);
}

export const group: AttackGroup = {
  name: 'links',
  async run(ctx): Promise<AttackOutcome[]> {
    const results: AttackOutcome[] = [];
    const viewer = await ctx.session('viewer');
    const open = async (site: string | null, path = DEEP_LINK): Promise<{ status: number; html: string }> => {
      const headers: Record<string, string> = { cookie: viewer.cookie, 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document' };
      if (site !== null) headers['sec-fetch-site'] = site;
      const response = await fetch(`${ctx.baseUrl}${path}`, { headers, redirect: 'manual' });
      return { status: response.status, html: await response.text() };
    };
    for (const site of ['cross-site']) {
      const page = await open(site);
      results.push(
        outcome(
          `run=1 deep link navigated from another site (Sec-Fetch-Site: ${site})`,
          'console opens, run held',
          `${page.status}, ${held(page.html) ? 'held' : 'would run'}`,
          page.status === 200 && held(page.html),
        ),
      );
    }
    for (const site of ['same-origin', 'same-site', 'none']) {
      const page = await open(site);
      results.push(
        outcome(
          `run=1 deep link, Sec-Fetch-Site: ${site} (control)`,
          'console opens and runs',
          `${page.status}, ${held(page.html) ? 'held' : 'runs'}`,
          page.status === 200 && !held(page.html),
          0,
        ),
      );
    }

    const forged = [
      'AAAAAAAAAAAAAAAAAAAAAA',
      '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
      '..%2F..%2Fetc%2Fpasswd',
      'A'.repeat(5000),
      'abc%00def',
      "x'%20OR%20'1'='1",
      '%c0%af',
    ];
    for (const id of forged) {
      const page = await open('same-origin', `/s/${id}`);
      let raw = id;
      try {
        raw = decodeURIComponent(id.replace('%00', ''));
      } catch {
        // Not UTF-8: nothing to look for in the page.
      }
      const reflected = raw.includes('<script>') && page.html.includes(raw);
      const fine = page.status === 400 || page.html.includes('does not exist');
      results.push(
        outcome(
          `short link /s/${id.length > 40 ? `${id.slice(0, 20)}… (${id.length} chars)` : id}`,
          '"does not exist" (or 400), no script',
          `${page.status}${page.html.includes('does not exist') ? ', does not exist' : ''}${reflected ? ', REFLECTED' : ''}`,
          page.status < 500 && fine && !reflected,
        ),
      );
    }
    return results;
  },
};
