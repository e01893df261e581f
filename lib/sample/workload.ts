/**
 * One cluster-day of activity: which statements ran when, in which session
 * and transaction, how long they queued and ran, and whether they alerted or
 * were aborted. The row builders turn this into table rows, so every table
 * tells the same story.
 */

import type { AdminPools, AdminStatement } from './admin-statements';
import { RESTART_TEXT, buildAdminPools } from './admin-statements';
import type { ClusterCatalog } from './catalog';
import { buildCatalog } from './catalog';
import { SQA_QUEUE, SUPERUSER_QUEUE, SYSTEM_QUEUE, workloadQueue } from './clusters';
import type { DailyVolume, LoadShape } from './load';
import { dailyVolume, dayStartMicros, drawStart, isPeak, maxDailyQueries, utcHourWeights } from './load';
import type { Rng } from './random';
import { createRng } from './random';
import type { Statement, StatementAlert, StatementPool, Workload } from './statements';
import { BI_SHARE, buildStatementPool } from './statements';
import { resolveDayTokens } from './text';
import { MICROS_PER_HOUR, MICROS_PER_MINUTE, MICROS_PER_SECOND } from './time';
import type { ClusterProfile, Micros, SampleOptions, WlmQueue } from './types';
import type { DbUser } from './users';
import { SYSTEM_USER, buildUsers, usersWithRole } from './users';

/** Everything about a cluster that does not change between days, built once. */
export interface ClusterContext {
  options: SampleOptions;
  cluster: ClusterProfile;
  catalog: ClusterCatalog;
  users: DbUser[];
  pool: StatementPool;
  admin: AdminPools;
}

/** Builds the per-cluster context; deterministic in (seed, cluster id). */
export function buildClusterContext(options: SampleOptions, cluster: ClusterProfile): ClusterContext {
  const catalog = buildCatalog(cluster, options.seed);
  const users = buildUsers(cluster, options.seed);
  return {
    options,
    cluster,
    catalog,
    users,
    pool: buildStatementPool(cluster, options.seed, catalog, users),
    admin: buildAdminPools(cluster, options.seed, catalog, users),
  };
}

export interface QueryExecution {
  /** The pool statement, or null for system rows made up on the spot ("Undoing ..."). */
  statement: Statement | null;
  workload: Workload;
  text: string;
  userid: number;
  label: string;
  pid: number;
  xid: number;
  query: number;
  task: number;
  /** stl_query.starttime. */
  start: Micros;
  /** Parse and compile time before the query reaches WLM. */
  planMicros: number;
  queueMicros: number;
  execMicros: number;
  /** Time to return results after execution ends. */
  returnMicros: number;
  /** Null for leader-only statements, which never reach WLM. */
  queue: WlmQueue | null;
  slotCount: number;
  aborted: boolean;
  evicted: boolean;
  concurrencyScaled: boolean;
  insertPristine: boolean;
  estPeakMem: number;
  /** The alert this execution logged, if any. */
  alert: StatementAlert | null;
}

export interface TextEvent {
  table: 'stl_ddltext' | 'stl_utilitytext';
  text: string;
  userid: number;
  label: string;
  pid: number;
  xid: number;
  start: Micros;
  end: Micros;
}

export interface ClusterDayActivity {
  cluster: ClusterProfile;
  day: string;
  queries: QueryExecution[];
  textEvents: TextEvent[];
}

interface Session {
  pid: number;
  user: DbUser;
  label: string;
  kind: 'bi' | 'etl' | 'analyst' | 'system' | 'admin';
  firstUse: Micros | null;
}

interface DraftQuery {
  statement: Statement | null;
  workload: Workload;
  start: Micros;
  session: Session;
  undo: { transactions: number; tbl: number } | null;
}

interface DraftText {
  table: TextEvent['table'];
  text: string;
  start: Micros;
  durationMicros: number;
  session: Session;
}

function pickByShare(rng: Rng, statements: readonly Statement[]): Statement | null {
  if (statements.length === 0) return null;
  return statements[rng.weightedIndex(statements.map((s) => s.share))] ?? null;
}

function pickWeighted(rng: Rng, items: readonly AdminStatement[]): AdminStatement | null {
  if (items.length === 0) return null;
  return items[rng.weightedIndex(items.map((s) => s.weight))] ?? null;
}

/** Session pools of the day: BI connection pools, analysts' sessions, hourly ETL sessions. */
class Sessions {
  private readonly byKey = new Map<string, Session>();
  constructor(
    private readonly rng: Rng,
    private readonly cluster: ClusterProfile,
    private readonly users: readonly DbUser[],
  ) {}

  private make(key: string, user: DbUser, label: string, kind: Session['kind']): Session {
    let s = this.byKey.get(key);
    if (!s) {
      s = { pid: this.cluster.pidBase + this.rng.int(1, 4_000_000), user, label, kind, firstUse: null };
      this.byKey.set(key, s);
    }
    return s;
  }

  forStatement(statement: Statement, start: Micros): Session {
    const user = this.users.find((u) => u.userid === statement.userid) ?? SYSTEM_USER;
    switch (statement.workload) {
      case 'bi':
        // A BI tool keeps a small connection pool open all day.
        return this.make(`bi:${user.name}:${this.rng.int(0, 5)}`, user, statement.label, 'bi');
      case 'etl':
        return this.etl(start);
      case 'system':
        return this.system();
      case 'adhoc': {
        const kind = user.role === 'admin' ? 'admin' : 'analyst';
        const hourBlock = Math.floor(start / (4 * MICROS_PER_HOUR));
        return this.make(`adhoc:${user.name}:${hourBlock}`, user, statement.label, kind);
      }
    }
  }

  etl(start: Micros): Session {
    const user = usersWithRole(this.users, 'etl')[0] ?? SYSTEM_USER;
    return this.make(`etl:${Math.floor(start / MICROS_PER_HOUR)}`, user, 'etl', 'etl');
  }

  system(): Session {
    return this.make(`system:${this.rng.int(0, 2)}`, SYSTEM_USER, 'default', 'system');
  }

  analyst(start: Micros): Session {
    const user = this.rng.pick(usersWithRole(this.users, 'analyst'));
    return this.make(`adhoc:${user.name}:${Math.floor(start / (4 * MICROS_PER_HOUR))}`, user, 'default', 'analyst');
  }

  admin(start: Micros): Session {
    const user = usersWithRole(this.users, 'admin')[0] ?? SYSTEM_USER;
    return this.make(`admin:${Math.floor(start / MICROS_PER_HOUR)}`, user, 'superuser', 'admin');
  }

  all(): Session[] {
    return Array.from(this.byKey.values());
  }
}

function draftQueries(ctx: ClusterContext, day: string, volume: DailyVolume, rng: Rng, sessions: Sessions): DraftQuery[] {
  const { cluster, pool } = ctx;
  const start0 = dayStartMicros(day);
  const drafts: DraftQuery[] = [];
  const add = (count: number, load: LoadShape, choose: () => Statement | null): void => {
    const weights = utcHourWeights(cluster, load);
    for (let i = 0; i < count; i++) {
      const statement = choose();
      if (!statement) continue;
      const start = drawStart(rng, start0, weights, load);
      drafts.push({ statement, workload: statement.workload, start, session: sessions.forStatement(statement, start), undo: null });
    }
  };
  const biShare = BI_SHARE[cluster.kind];
  add(volume.interactive, 'office', () => (rng.chance(biShare) ? pickByShare(rng, pool.bi) : pickByShare(rng, pool.adhoc)));
  add(volume.etl, 'etl', () => pickByShare(rng, pool.etl));
  const undoCount = Math.max(0, Math.round(volume.system * 0.04));
  add(volume.system - undoCount, 'system', () => pickByShare(rng, pool.system));
  // Rollbacks after aborted loads, logged by the system as "Undoing N transactions ...".
  const weights = utcHourWeights(cluster, 'system');
  const tables = ctx.catalog.tables.filter((t) => !t.external);
  for (let i = 0; i < undoCount && tables.length > 0; i++) {
    const start = drawStart(rng, start0, weights, 'system');
    drafts.push({ statement: null, workload: 'system', start, session: sessions.system(), undo: { transactions: rng.int(1, 4), tbl: rng.pick(tables).id } });
  }
  return drafts;
}

function draftTexts(ctx: ClusterContext, day: string, volume: DailyVolume, rng: Rng, sessions: Sessions, restart: boolean): DraftText[] {
  const start0 = dayStartMicros(day);
  const out: DraftText[] = [];
  const office = utcHourWeights(ctx.cluster, 'office');
  const etl = utcHourWeights(ctx.cluster, 'etl');
  for (let i = 0; i < volume.ddl; i++) {
    const st = pickWeighted(rng, ctx.admin.ddl);
    if (!st) break;
    const load = st.issuer === 'etl' ? 'etl' : 'office';
    const start = drawStart(rng, start0, load === 'etl' ? etl : office, load);
    const session = st.issuer === 'etl' ? sessions.etl(start) : st.issuer === 'admin' ? sessions.admin(start) : sessions.analyst(start);
    out.push({ table: 'stl_ddltext', text: resolveDayTokens(st.text, day), start, durationMicros: Math.round(rng.lognormal(80_000, 1.2)), session });
  }
  for (let i = 0; i < volume.grants; i++) {
    const st = pickWeighted(rng, ctx.admin.grants);
    if (!st) break;
    const start = drawStart(rng, start0, office, 'office');
    out.push({ table: 'stl_utilitytext', text: st.text, start, durationMicros: Math.round(rng.lognormal(15_000, 0.8)), session: sessions.admin(start) });
  }
  if (restart) {
    const start = start0 + rng.int(0, 23) * MICROS_PER_HOUR + rng.int(0, 59) * MICROS_PER_MINUTE;
    out.push({ table: 'stl_utilitytext', text: RESTART_TEXT, start, durationMicros: rng.int(2_000, 40_000), session: sessions.system() });
  }
  return out;
}

/** SET statements each session sends before its first query. */
function sessionSets(ctx: ClusterContext, rng: Rng, sessions: readonly Session[]): DraftText[] {
  const out: DraftText[] = [];
  for (const s of sessions) {
    if (s.firstUse === null || s.kind === 'system') continue;
    const sets = s.kind === 'bi' ? ctx.admin.sessionSets.bi : s.kind === 'etl' ? ctx.admin.sessionSets.etl : ctx.admin.sessionSets.analyst;
    let t = s.firstUse - rng.int(200_000, 3 * MICROS_PER_SECOND);
    for (const text of sets.slice(0, rng.int(1, sets.length))) {
      out.push({ table: 'stl_utilitytext', text: s.kind === 'admin' ? "SET query_group TO 'superuser'" : text, start: t, durationMicros: rng.int(300, 4_000), session: s });
      t += rng.int(1_000, 40_000);
      if (s.kind === 'admin') break;
    }
  }
  return out;
}

function chooseQueue(ctx: ClusterContext, rng: Rng, statement: Statement | null, workload: Workload): WlmQueue | null {
  if (!statement || statement.leaderOnly) return null;
  if (workload === 'system') return SYSTEM_QUEUE;
  if (statement.label === 'superuser') return SUPERUSER_QUEUE;
  if (workload === 'etl') return workloadQueue(ctx.cluster, 'etl');
  if (statement.medianExecMicros < 5 * MICROS_PER_SECOND && rng.chance(ctx.cluster.sqaShare)) return SQA_QUEUE;
  return workloadQueue(ctx.cluster, workload === 'bi' ? 'bi' : 'adhoc');
}

function queueTime(rng: Rng, queue: WlmQueue | null, workload: Workload, peak: boolean): number {
  if (!queue) return 0;
  const zeroShare = queue === SQA_QUEUE ? 0.95 : workload === 'system' ? 0.97 : workload === 'etl' ? 0.75 : peak ? 0.72 : 0.88;
  if (rng.chance(zeroShare)) return 0;
  const median = queue === SQA_QUEUE ? 40_000 : workload === 'etl' ? 25 * MICROS_PER_SECOND : 1.5 * MICROS_PER_SECOND;
  return Math.min(2 * MICROS_PER_HOUR, Math.round(rng.lognormal(median, 1.4)));
}

/**
 * Decides the timing and outcome of each drafted query. Draws come from one
 * stream in start-time order, so the result depends only on the seed and the day.
 */
function finishQueries(ctx: ClusterContext, day: string, dayIndex: number, volume: DailyVolume, drafts: DraftQuery[], xidOf: Map<DraftQuery, number>, rng: Rng): QueryExecution[] {
  const { cluster, options } = ctx;
  let query = cluster.firstQueryId + dayIndex * queryIdStride(cluster, options.queriesPerDay);
  let task = Math.floor(query * 0.61);
  const out: QueryExecution[] = [];
  for (const d of drafts) {
    query += rng.chance(0.85) ? 1 : 2;
    task += 1;
    const st = d.statement;
    const xid = xidOf.get(d) ?? 0;
    const peak = isPeak(cluster, d.start, volume.weekend);
    const queue = chooseQueue(ctx, rng, st, d.workload);
    const user = d.workload === 'system' ? SYSTEM_USER.userid : (st?.userid ?? SYSTEM_USER.userid);
    const isUser = user !== SYSTEM_USER.userid;
    const median = st ? st.medianExecMicros * (peak ? 1.3 : 1) : 150_000;
    const cap = d.workload === 'etl' ? 8 * MICROS_PER_HOUR : 2 * MICROS_PER_HOUR;
    let exec = Math.max(200, Math.min(cap, Math.round(rng.lognormal(median, st?.execSigma ?? 0.6))));
    // Long statements hit timeouts and users cancel them more often.
    const aborted = isUser && st !== null && !st.leaderOnly && rng.chance(exec > 10 * MICROS_PER_MINUTE ? 0.06 : 0.012);
    if (aborted) exec = Math.max(200, Math.round(exec * (0.2 + rng.next() * 0.7)));
    const evicted = aborted && queue !== null && rng.chance(0.5);
    const concurrencyScaled = d.workload === 'bi' && queue !== null && peak && rng.chance(cluster.concurrencyScalingShare);
    const alert = st?.alert && !concurrencyScaled && rng.chance(st.alert.fireRate) ? st.alert : null;
    const slotCount = queue === null ? 1 : d.workload === 'etl' ? (rng.chance(0.15) ? rng.int(2, 5) : 1) : rng.chance(0.015) ? rng.int(2, 3) : 1;
    const text = d.undo ? `Undoing ${d.undo.transactions} transactions on table ${d.undo.tbl} with current xid ${xid}` : resolveDayTokens(st?.text ?? '', day);
    out.push({
      statement: st,
      workload: d.workload,
      text,
      userid: user,
      label: st?.label ?? 'default',
      pid: d.session.pid,
      xid,
      query,
      task,
      start: d.start,
      planMicros: Math.min(5 * MICROS_PER_SECOND, Math.round(rng.lognormal(4_000, 1))),
      queueMicros: queueTime(rng, queue, d.workload, peak),
      execMicros: exec,
      returnMicros: Math.round(rng.lognormal(1_500, 0.9)),
      queue,
      slotCount,
      aborted,
      evicted,
      concurrencyScaled,
      insertPristine: st?.kind === 'copy',
      estPeakMem: Math.round(rng.lognormal(d.workload === 'etl' ? 2e9 : 6e7, 1)),
      alert,
    });
  }
  return out;
}

/**
 * Query ids a day may use: ids step by 1 or 2, so twice the largest daily
 * count keeps days apart. Day n of the window starts at firstQueryId + n * stride.
 */
export function queryIdStride(cluster: ClusterProfile, queriesPerDay: number): number {
  return 2 * maxDailyQueries(cluster, queriesPerDay) + 50;
}

/** Transaction ids a day may use: room for queries, DDL, grants and ~500 session SETs, stepping by up to 3. */
export function xidStride(cluster: ClusterProfile, queriesPerDay: number): number {
  return 3 * Math.ceil(maxDailyQueries(cluster, queriesPerDay) * 1.1 + 600) + 500;
}

/** Restarts are rare: about one per cluster per fortnight. */
const RESTART_RATE = 0.07;

/**
 * Simulates one cluster-day. Pure: the same context, day and window position
 * always give the same activity.
 */
export function simulateClusterDay(ctx: ClusterContext, day: string, dayIndex: number): ClusterDayActivity {
  const { cluster, options } = ctx;
  const rng = createRng(options.seed, cluster.id, day, 'workload');
  const volume = dailyVolume(cluster, day, options.queriesPerDay, options.seed);
  const sessions = new Sessions(rng, cluster, ctx.users);
  const restart = createRng(options.seed, cluster.id, day, 'restart').chance(RESTART_RATE);

  const queryDrafts = draftQueries(ctx, day, volume, rng, sessions).sort((a, b) => a.start - b.start);
  // Sessions learn their first use from the sorted queries before SET statements are placed.
  for (const d of queryDrafts) if (d.session.firstUse === null) d.session.firstUse = d.start;
  const textDrafts = [...draftTexts(ctx, day, volume, rng, sessions, restart), ...sessionSets(ctx, rng, sessions.all())];
  // SET statements of a session that started just after midnight would land on the previous day.
  const dayBegin = dayStartMicros(day);
  const texts = textDrafts.filter((t) => t.start >= dayBegin).sort((a, b) => a.start - b.start);

  // One transaction id sequence across queries and DDL/utility, in time order.
  let xid = cluster.firstXid + dayIndex * xidStride(cluster, options.queriesPerDay);
  const xidOf = new Map<DraftQuery, number>();
  const textXid = new Map<DraftText, number>();
  let qi = 0;
  let ti = 0;
  while (qi < queryDrafts.length || ti < texts.length) {
    const q = queryDrafts[qi];
    const t = texts[ti];
    xid += rng.chance(0.8) ? 1 : rng.int(2, 3);
    if (q && (!t || q.start <= t.start)) {
      xidOf.set(q, xid);
      qi++;
    } else if (t) {
      textXid.set(t, xid);
      ti++;
    }
  }

  const queries = finishQueries(ctx, day, dayIndex, volume, queryDrafts, xidOf, rng);
  const textEvents: TextEvent[] = texts.map((t) => ({
    table: t.table,
    text: t.text,
    userid: t.session.user.userid,
    label: t.session.label,
    pid: t.session.pid,
    xid: textXid.get(t) ?? 0,
    start: t.start,
    end: t.start + t.durationMicros,
  }));
  return { cluster, day, queries, textEvents };
}
