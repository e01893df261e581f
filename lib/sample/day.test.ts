import { beforeAll, describe, expect, it } from 'vitest';
import { buildClusters } from './clusters';
import { generateClusterDay } from './day';
import { expectedPlaintext, sampleRowsForDay } from './lookup';
import { columnsFor } from './schema';
import { expectedAlertShare } from './statements';
import { formatDay, windowDays } from './time';
import type { ClusterDayRows, SampleOptions } from './types';
import { buildClusterContext } from './context';

const OPTIONS: SampleOptions = { clusters: 5, days: 3, queriesPerDay: 400, endDate: '2024-06-12', seed: 7 };
const CLUSTERS = buildClusters(OPTIONS.clusters);
const DAYS = windowDays(OPTIONS.endDate, OPTIONS.days);

/** All generated rows per cluster, concatenated over the window. */
const byCluster = new Map<string, ClusterDayRows>();

function concat(list: ClusterDayRows[]): ClusterDayRows {
  const [first, ...rest] = list;
  if (!first) throw new Error('no rows');
  const out = structuredClone(first);
  for (const r of rest) {
    for (const t of Object.keys(out) as Array<keyof ClusterDayRows>) (out[t] as unknown[]).push(...r[t]);
  }
  return out;
}

beforeAll(() => {
  for (const cluster of CLUSTERS) {
    const ctx = buildClusterContext(OPTIONS, cluster);
    byCluster.set(cluster.id, concat(DAYS.map((day, i) => generateClusterDay(ctx, day, i))));
  }
});

function rowsOf(id: string): ClusterDayRows {
  const rows = byCluster.get(id);
  if (!rows) throw new Error(id);
  return rows;
}

describe('determinism', () => {
  it('gives identical rows for the same options, in any order', () => {
    const id = CLUSTERS[1]?.id ?? '';
    const later = sampleRowsForDay(OPTIONS, id, DAYS[2] ?? '');
    const earlier = sampleRowsForDay(OPTIONS, id, DAYS[0] ?? '');
    expect(sampleRowsForDay(OPTIONS, id, DAYS[0] ?? '')).toEqual(earlier);
    expect(sampleRowsForDay(OPTIONS, id, DAYS[2] ?? '')).toEqual(later);
  });

  it('changes with the seed', () => {
    const id = CLUSTERS[0]?.id ?? '';
    const a = sampleRowsForDay(OPTIONS, id, DAYS[0] ?? '');
    const b = sampleRowsForDay({ ...OPTIONS, seed: 8 }, id, DAYS[0] ?? '');
    expect(a.stl_query.map((r) => r.row.querytxt)).not.toEqual(b.stl_query.map((r) => r.row.querytxt));
  });
});

describe('cross-table consistency', () => {
  it('uses query ids from stl_query of the same cluster everywhere', () => {
    for (const c of CLUSTERS) {
      const rows = rowsOf(c.id);
      const ids = new Set(rows.stl_query.map((r) => r.row.query));
      expect(ids.size).toBe(rows.stl_query.length);
      for (const t of ['stl_querytext', 'stl_explain', 'stl_scan', 'stl_wlm_query', 'stl_alert_event_log'] as const) {
        const orphans = rows[t].filter((r) => !ids.has(r.row.query));
        expect(orphans, t).toEqual([]);
      }
      const withText = new Set(rows.stl_querytext.map((r) => r.row.query));
      expect(withText.size).toBe(ids.size);
    }
  });

  it('reuses query ids across clusters on purpose', () => {
    const a = new Set(rowsOf(CLUSTERS[0]?.id ?? '').stl_query.map((r) => r.row.query));
    const b = rowsOf(CLUSTERS[1]?.id ?? '').stl_query.map((r) => r.row.query);
    expect(b.filter((q) => a.has(q)).length).toBeGreaterThan(100);
  });

  it('keeps xid and pid of a query the same in every table', () => {
    const rows = rowsOf(CLUSTERS[0]?.id ?? '');
    const q = new Map(rows.stl_query.map((r) => [r.row.query, r.row]));
    for (const r of rows.stl_querytext)
      expect([r.row.xid, r.row.pid, r.row.userid]).toEqual([q.get(r.row.query)?.xid, q.get(r.row.query)?.pid, q.get(r.row.query)?.userid]);
    for (const r of rows.stl_wlm_query) expect(r.row.xid).toBe(q.get(r.row.query)?.xid);
    for (const r of rows.stl_alert_event_log) expect([r.row.xid, r.row.pid]).toEqual([q.get(r.row.query)?.xid, q.get(r.row.query)?.pid]);
  });

  it('lines WLM timing up with stl_query', () => {
    for (const c of CLUSTERS) {
      const rows = rowsOf(c.id);
      const q = new Map(rows.stl_query.map((r) => [r.row.query, r.row]));
      for (const { row: w } of rows.stl_wlm_query) {
        const parent = q.get(w.query);
        if (!parent) throw new Error('orphan');
        expect(w.queue_start_time - parent.starttime).toBeGreaterThanOrEqual(0);
        expect(w.queue_start_time - parent.starttime).toBeLessThanOrEqual(5_000_000);
        expect(w.queue_end_time - w.queue_start_time).toBe(w.total_queue_time);
        expect(w.exec_end_time - w.exec_start_time).toBe(w.total_exec_time);
        expect(w.exec_start_time).toBe(w.queue_end_time);
        expect(parent.endtime).toBeGreaterThanOrEqual(w.exec_end_time);
        expect(parent.endtime - w.exec_end_time).toBeLessThan(1_000_000);
      }
    }
  });

  it('files every row under the day of its start timestamp', () => {
    for (const c of CLUSTERS) {
      const rows = rowsOf(c.id);
      const start = new Map(rows.stl_query.map((r) => [r.row.query, r.row.starttime]));
      const bad = [
        ...rows.stl_query.filter((r) => r.at !== r.row.starttime),
        ...rows.stl_scan.filter((r) => r.at !== r.row.starttime),
        ...rows.stl_ddltext.filter((r) => r.at !== r.row.starttime),
        ...rows.stl_utilitytext.filter((r) => r.at !== r.row.starttime),
        ...rows.stl_wlm_query.filter((r) => r.at !== r.row.queue_start_time),
        ...rows.stl_alert_event_log.filter((r) => r.at !== r.row.event_time),
        ...rows.stl_querytext.filter((r) => r.at !== start.get(r.row.query)),
        ...rows.stl_explain.filter((r) => r.at !== start.get(r.row.query)),
        // Queries start inside the window; only work running past midnight spills over.
        ...rows.stl_query.filter((r) => !DAYS.includes(formatDay(r.at))),
      ];
      expect(bad).toEqual([]);
    }
  });
});

describe('realism', () => {
  it('keeps rows <= rows_pre_user_filter <= rows_pre_filter, with ghost rows and selective filters', () => {
    let ghosts = 0;
    let selective = 0;
    for (const c of CLUSTERS) {
      const scans = rowsOf(c.id).stl_scan.map((r) => r.row);
      expect(scans.filter((row) => !(row.rows >= 0 && row.rows <= row.rows_pre_user_filter && row.rows_pre_user_filter <= row.rows_pre_filter))).toEqual([]);
      for (const row of scans) {
        if (row.rows_pre_filter > row.rows_pre_user_filter) ghosts++;
        if (row.rows_pre_user_filter > 1000 && row.rows / row.rows_pre_user_filter < 0.05) selective++;
      }
    }
    expect(ghosts).toBeGreaterThan(100);
    expect(selective).toBeGreaterThan(100);
  });

  it('scans on every slice plus the leader, with internal, S3 and temp tables', () => {
    const names = new Set<string>();
    for (const c of CLUSTERS) {
      const rows = rowsOf(c.id);
      for (const { row } of rows.stl_scan) names.add(row.perm_table_name.startsWith('volt_tt_') ? 'volt_tt' : row.perm_table_name);
      const slices = new Set(rows.stl_scan.map((r) => r.row.slice));
      expect(slices.has(10000)).toBe(true);
      for (let s = 0; s < c.slices; s++) expect(slices.has(s)).toBe(true);
    }
    expect(names).toContain('Internal Worktable');
    expect(names).toContain('S3');
    expect(names).toContain('volt_tt');
  });

  it('alerts on 5-15% of user queries, several rows per query, pointing at scan rows', () => {
    for (const c of CLUSTERS) {
      const rows = rowsOf(c.id);
      const user = rows.stl_query.filter((r) => r.row.userid !== 1);
      const alerted = new Set(rows.stl_alert_event_log.map((r) => r.row.query));
      const rate = alerted.size / user.length;
      expect(rate).toBeGreaterThanOrEqual(0.05);
      expect(rate).toBeLessThanOrEqual(0.15);
      expect(rows.stl_alert_event_log.length).toBeGreaterThan(alerted.size);
      const scanKeys = new Set(rows.stl_scan.map((r) => `${r.row.query}/${r.row.slice}/${r.row.segment}/${r.row.step}`));
      expect(rows.stl_alert_event_log.filter(({ row }) => !scanKeys.has(`${row.query}/${row.slice}/${row.segment}/${row.step}`))).toEqual([]);
    }
  });

  it('explains the alerts: nested loops and missing statistics show in the plan', () => {
    let nested = 0;
    let missing = 0;
    for (const c of CLUSTERS) {
      const rows = rowsOf(c.id);
      const plans = new Map<number, string[]>();
      for (const { row } of rows.stl_explain) plans.set(row.query, [...(plans.get(row.query) ?? []), row.plannode]);
      for (const { row } of rows.stl_alert_event_log) {
        const plan = (plans.get(row.query) ?? []).join('\n');
        if (row.event.startsWith('Nested Loop Join')) {
          expect(plan).toContain('XN Nested Loop');
          nested++;
        }
        if (row.event.startsWith('Missing query planner statistics')) {
          expect(plan).toMatch(/----- Tables missing statistics: \w+ -----/);
          missing++;
        }
      }
    }
    expect(nested).toBeGreaterThan(0);
    expect(missing).toBeGreaterThan(0);
  });

  it('builds plan trees rooted at node 1 with XN operators', () => {
    const rows = rowsOf(CLUSTERS[0]?.id ?? '');
    const byQuery = new Map<number, Array<{ nodeid: number; parentid: number; plannode: string }>>();
    for (const { row } of rows.stl_explain) byQuery.set(row.query, [...(byQuery.get(row.query) ?? []), row]);
    for (const nodes of byQuery.values()) {
      expect(nodes[0]).toMatchObject({ nodeid: 1, parentid: 0 });
      expect(nodes[0]?.plannode).toMatch(/^XN /);
      const ids = new Set(nodes.map((n) => n.nodeid));
      for (const n of nodes) if (n.parentid !== 0) expect(ids.has(n.parentid)).toBe(true);
    }
  });

  it('queues most queries for 0 us, mostly with one slot, mostly Completed', () => {
    for (const c of CLUSTERS) {
      const wlm = rowsOf(c.id).stl_wlm_query.map((r) => r.row);
      const zero = wlm.filter((w) => w.total_queue_time === 0).length / wlm.length;
      expect(zero).toBeGreaterThanOrEqual(0.7);
      expect(zero).toBeLessThanOrEqual(0.95);
      expect(wlm.filter((w) => w.slot_count === 1).length / wlm.length).toBeGreaterThan(0.9);
      expect(new Set(wlm.map((w) => w.final_state))).toEqual(new Set(['Completed', 'Evicted']));
      expect(wlm.filter((w) => w.final_state === 'Completed').length / wlm.length).toBeGreaterThan(0.95);
    }
  });

  it('repeats identical statements so top statements have a head', () => {
    const counts = new Map<string, number>();
    for (const { row } of rowsOf(CLUSTERS[3]?.id ?? '').stl_query) if (row.userid !== 1) counts.set(row.querytxt, (counts.get(row.querytxt) ?? 0) + 1);
    const top = Math.max(...counts.values());
    expect(counts.size).toBeGreaterThan(100);
    expect(top).toBeGreaterThan(20);
  });

  it('includes system noise, aborted queries, DDL, utility statements and restarts', () => {
    const all = CLUSTERS.map((c) => rowsOf(c.id));
    const sys = all.flatMap((r) => r.stl_query.filter((q) => q.row.userid === 1).map((q) => q.row.querytxt));
    expect(sys.some((t) => t.startsWith('padb_fetch_sample: '))).toBe(true);
    expect(sys.some((t) => /^Undoing \d+ transactions on table \d+ with current xid \d+$/.test(t))).toBe(true);
    expect(all.some((r) => r.stl_query.some((q) => q.row.aborted === 1))).toBe(true);
    const ddl = all.flatMap((r) => r.stl_ddltext.filter((x) => x.row.sequence === 0).map((x) => x.row.text));
    expect(ddl.length).toBeGreaterThan(0);
    for (const t of ddl) expect(t).toMatch(/^(CREATE|ALTER|DROP|TRUNCATE) /);
    const util = all.flatMap((r) => r.stl_utilitytext.filter((x) => x.row.sequence === 0).map((x) => x.row.text));
    for (const t of util) expect(t).toMatch(/^(GRANT|REVOKE|CREATE USER|ALTER USER|ALTER GROUP|ALTER DEFAULT|SET) |^xen_is_up\.sql$/);
    expect(util.some((t) => t.startsWith('SET '))).toBe(true);
  });

  it('has restarts somewhere in a fortnight of the fleet', () => {
    const opts = { ...OPTIONS, days: 14, queriesPerDay: 30 };
    let restarts = 0;
    for (const c of CLUSTERS) {
      const ctx = buildClusterContext(opts, c);
      windowDays(opts.endDate, opts.days).forEach((day, i) => {
        restarts += generateClusterDay(ctx, day, i).stl_utilitytext.filter((r) => r.row.userid === 1 && r.row.text.includes('xen_is_up.sql')).length;
      });
    }
    expect(restarts).toBeGreaterThan(0);
  });

  it('stores text as 200-character chunks and querytxt as the first 4000 characters', () => {
    const rows = rowsOf(CLUSTERS[0]?.id ?? '');
    const chunks = new Map<number, string[]>();
    for (const { row } of rows.stl_querytext) {
      const list = chunks.get(row.query) ?? [];
      list[row.sequence] = row.text;
      chunks.set(row.query, list);
    }
    for (const { row } of rows.stl_query) {
      const full = (chunks.get(row.query) ?? []).join('');
      expect(row.querytxt).toBe(full.slice(0, 4000));
      for (const c of chunks.get(row.query) ?? []) expect(c.length).toBeLessThanOrEqual(200);
    }
    const ctx = buildClusterContext(OPTIONS, CLUSTERS[0] ?? buildClusters(1)[0]!);
    expect(ctx.pool.bi.some((s) => s.text.length > 4000)).toBe(true);
  });

  it('targets about a tenth of user executions for alerts in every pool', () => {
    for (const c of CLUSTERS) {
      const ctx = buildClusterContext(OPTIONS, c);
      const share = expectedAlertShare(ctx.pool, c);
      expect(share).toBeGreaterThan(0.08);
      expect(share).toBeLessThan(0.12);
    }
  });
});

describe('schema drift and lookups', () => {
  it('exports the newer columns from two clusters only', () => {
    const newer = CLUSTERS.filter((c) => columnsFor('stl_wlm_query', c).some((col) => col.name === 'service_class_name'));
    expect(newer.map((c) => c.id)).toEqual(['prod-analytics-use1', 'bi-reporting-euw1']);
    for (const c of CLUSTERS) {
      const names = columnsFor('stl_scan', c).map((col) => col.name);
      expect(names.includes('is_rlf_scan')).toBe(c.newerColumns);
    }
  });

  it('recomputes the plaintext of any protected cell', () => {
    const c = CLUSTERS[2]?.id ?? '';
    const rows = rowsOf(c);
    const q = rows.stl_query[rows.stl_query.length - 7]?.row;
    const t = rows.stl_querytext.find((r) => r.row.sequence === 1)?.row;
    const d = rows.stl_utilitytext[3]?.row;
    if (!q || !t || !d) throw new Error('sample too small');
    expect(expectedPlaintext(OPTIONS, c, { table: 'stl_query', query: q.query })).toBe(q.querytxt);
    expect(expectedPlaintext(OPTIONS, c, { table: 'stl_querytext', query: t.query, sequence: 1 })).toBe(t.text);
    expect(expectedPlaintext(OPTIONS, c, { table: 'stl_utilitytext', xid: d.xid, sequence: d.sequence })).toBe(d.text);
    expect(expectedPlaintext(OPTIONS, c, { table: 'stl_query', query: 5 })).toBeNull();
  });
});
