/**
 * One cluster-day of activity: which statements ran when, in which session
 * and transaction, how long they queued and ran, and whether they alerted or
 * were aborted. The row builders turn this into table rows, so every table
 * tells the same story.
 */

import type { ClusterContext } from './context';
import { SQA_QUEUE, SUPERUSER_QUEUE, SYSTEM_QUEUE, workloadQueue } from './clusters';
import type { DailyVolume, LoadShape } from './load';
import { dailyVolume, dayStartMicros, drawStart, isPeak, maxDailyQueries, utcHourWeights } from './load';
import type { Rng } from './random';
import { createRng } from './random';
import type { Session } from './sessions';
import { Sessions } from './sessions';
import type { Statement, StatementAlert, Workload } from './statements';
import { BI_SHARE } from './statements';
import type { DraftText, TextEvent } from './text-events';
import { draftTexts, sessionSets } from './text-events';
import { resolveDayTokens } from './text';
import { MICROS_PER_HOUR, MICROS_PER_MINUTE, MICROS_PER_SECOND } from './time';
import type { ClusterProfile, Micros, WlmQueue } from './types';
import { SYSTEM_USER } from './users';

/** One run of a statement: everything the row builders need. */
export interface QueryExecution {
  /** The pool statement, or null for system rows made up on the spot ("Undoing ..."). */
  statement: Statement | null;
  workload: Workload;
  text: string;
  userid: number;
  label: string;
  database: string;
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

/** Everything that happened on one cluster in one day. */
export interface ClusterDayActivity {
  cluster: ClusterProfile;
  day: string;
  queries: QueryExecution[];
  textEvents: TextEvent[];
}

interface DraftQuery {
  statement: Statement | null;
  workload: Workload;
  start: Micros;
  session: Session;
  undo: { transactions: number; tbl: number } | null;
}

function pickByShare(rng: Rng, statements: readonly Statement[]): Statement | null {
  if (statements.length === 0) return null;
  return statements[rng.weightedIndex(statements.map((s) => s.share))] ?? null;
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
function finishQueries(
  ctx: ClusterContext,
  day: string,
  dayIndex: number,
  volume: DailyVolume,
  drafts: DraftQuery[],
  xidOf: Map<DraftQuery, number>,
  rng: Rng,
): QueryExecution[] {
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
      database: st?.database ?? cluster.database,
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
