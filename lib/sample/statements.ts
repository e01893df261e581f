/**
 * The statement pool of a cluster: a few hundred distinct statements with
 * Zipf-like frequencies, so identical text repeats and "top statements" has
 * a head and a long tail. Each statement carries its plan, its scan steps
 * and, for about a tenth of user executions, the alert Redshift logs for it.
 */

import type { AlertKind } from './alerts';
import type { ClusterCatalog } from './catalog';
import type { DraftStatement } from './etl-statements';
import { buildEtlStatements, buildSystemStatements } from './etl-statements';
import type { PlanRow } from './plans';
import { buildPlan } from './plans';
import type { Rng } from './random';
import { createRng, zipfWeights } from './random';
import type { ScanStep } from './scan-steps';
import { buildScanSteps } from './scan-steps';
import type { QueryShape, StatementKind } from './shape';
import type { TemplateName } from './templates';
import { ADHOC_TEMPLATES, BI_TEMPLATES, TEMPLATES } from './templates';
import type { ClusterProfile } from './types';
import type { DbUser } from './users';
import { usersWithRole } from './users';
import { MICROS_PER_SECOND } from './time';

/** Who sends a statement: BI tools, analysts, ETL jobs or Redshift itself. */
export type Workload = 'bi' | 'adhoc' | 'etl' | 'system';

/** The alert a statement raises and where it points. */
export interface StatementAlert {
  kind: AlertKind;
  /** Index into Statement.steps of the scan the alert rows point at (same slice, segment and step). */
  stepIndex: number;
  /** Share of executions that log the alert. */
  fireRate: number;
}

/** A distinct statement of the pool, with everything its executions share. */
export interface Statement {
  /** Stable within the cluster's pool, e.g. `bi-017`. */
  key: string;
  workload: Workload;
  template: string;
  kind: StatementKind;
  /** May hold day placeholders; see resolveDayTokens. */
  text: string;
  userid: number;
  label: string;
  database: string;
  /** Runs on the leader only: no WLM row, no scans, no plan. */
  leaderOnly: boolean;
  steps: ScanStep[];
  plan: PlanRow[];
  alert: StatementAlert | null;
  medianExecMicros: number;
  execSigma: number;
  /** Probability of this statement within its workload. */
  share: number;
}

/** A cluster's statements by workload. */
export interface StatementPool {
  bi: Statement[];
  adhoc: Statement[];
  etl: Statement[];
  system: Statement[];
}

/** Share of interactive (non-ETL) user queries that BI tools send. */
export const BI_SHARE: Record<ClusterProfile['kind'], number> = {
  analytics: 0.5,
  etl: 0.35,
  staging: 0.3,
  reporting: 0.75,
  sandbox: 0.1,
};

/** Share of user executions that should carry an alert. */
const ALERT_TARGET = 0.1;

const SECOND = MICROS_PER_SECOND;
const MEDIAN_EXEC: Record<TemplateName, number> = {
  piiLookup: 0.9 * SECOND,
  trend: 3 * SECOND,
  breakdown: 2 * SECOND,
  joinAgg: 8 * SECOND,
  threeWay: 25 * SECOND,
  looker: 6 * SECOND,
  tableauInList: 12 * SECOND,
  nestedLoop: 360 * SECOND,
  spectrum: 20 * SECOND,
  cte: 15 * SECOND,
  windowFn: 10 * SECOND,
  countStar: 0.5 * SECOND,
  topN: 5 * SECOND,
  leaderOnly: 0.02 * SECOND,
};

/** Templates whose statements stay in the tail of the frequency ranking. */
const RARE: ReadonlySet<string> = new Set(['nestedLoop', 'tableauInList']);

function draftInteractive(
  rng: Rng,
  catalog: ClusterCatalog,
  table: ReadonlyArray<readonly [TemplateName, number]>,
  count: number,
  seen: Set<string>,
): DraftStatement[] {
  const out: DraftStatement[] = [];
  const weights = table.map(([, w]) => w);
  for (let attempt = 0; out.length < count && attempt < count * 20; attempt++) {
    const entry = table[rng.weightedIndex(weights)];
    if (!entry) continue;
    const [name] = entry;
    const s = TEMPLATES[name]({ rng, catalog });
    if (!s || seen.has(s.text)) continue;
    seen.add(s.text);
    out.push({ template: name, shape: s, medianExecMicros: MEDIAN_EXEC[name] * Math.exp(0.5 * rng.normal()), execSigma: 0.45, weight: 1 });
  }
  return out;
}

/** Zipf shares over a random ranking, with rare templates pushed into the tail half. */
function zipfShares(rng: Rng, drafts: readonly DraftStatement[]): number[] {
  const common = rng.shuffle(drafts.map((_, i) => i).filter((i) => !RARE.has(drafts[i]?.template ?? '')));
  const order = common.slice();
  for (const i of drafts.map((_, j) => j).filter((j) => RARE.has(drafts[j]?.template ?? ''))) {
    const half = Math.floor(order.length / 2);
    order.splice(rng.int(half, order.length), 0, i);
  }
  const weights = zipfWeights(order.length, 0.9);
  const total = weights.reduce((a, b) => a + b, 0);
  const shares = new Array<number>(drafts.length).fill(0);
  order.forEach((draftIndex, rank) => {
    shares[draftIndex] = (weights[rank] ?? 0) / total;
  });
  return shares;
}

interface AlertChoice {
  kind: AlertKind;
  shapeIndex: number;
  fireRate: number;
  apply: (s: QueryShape) => string[];
}

/** Alerts a statement could plausibly raise, with the change to its shape that causes each. */
function alertChoices(rng: Rng, s: QueryShape): AlertChoice[] {
  const out: AlertChoice[] = [];
  const none = (): string[] => [];
  s.joins.forEach((join, j) => {
    if (join.nested) return;
    const setStrategy =
      (strategy: typeof join.strategy) =>
      (x: QueryShape): string[] => {
        const target = x.joins[j];
        if (target) target.strategy = strategy;
        return [];
      };
    out.push({ kind: 'broadcast', shapeIndex: j + 1, fireRate: 1, apply: setStrategy('DS_BCAST_INNER') });
    out.push({ kind: 'distributed', shapeIndex: j + 1, fireRate: 0.85, apply: setStrategy('DS_DIST_BOTH') });
    out.push({ kind: 'dist_all_inner', shapeIndex: j + 1, fireRate: 1, apply: setStrategy('DS_DIST_ALL_INNER') });
  });
  if (s.joins.length === 0 && s.aggregate === 'hash') out.push({ kind: 'distributed', shapeIndex: 0, fireRate: 0.85, apply: none });
  s.scans.forEach((scan, i) => {
    if (scan.source.kind !== 'table' || scan.source.table.external) return;
    const table = scan.source.table;
    out.push({ kind: 'missing_stats', shapeIndex: i, fireRate: 1, apply: () => [table.name] });
    if (table.ghostShare >= 0.05) out.push({ kind: 'deleted_rows', shapeIndex: i, fireRate: 0.9, apply: none });
    if (scan.filter) {
      out.push({
        kind: 'selective_filter',
        shapeIndex: i,
        fireRate: 0.85,
        apply: (x) => {
          const target = x.scans[i];
          if (target) {
            target.selectivity = Math.min(target.selectivity, 0.0005 + rng.next() * 0.02);
            target.rangeRestricted = false;
          }
          return [];
        },
      });
    }
  });
  return out;
}

interface Candidate {
  draft: DraftStatement;
  workload: Workload;
  /** Share of all user executions. */
  mix: number;
  alert: AlertChoice | null;
}

/**
 * Assigns alerts until about ALERT_TARGET of user executions carry one.
 * Nested loops always alert (their plan says so); others are picked in random
 * order, skipping any whose frequency would overshoot the target.
 */
function assignAlerts(rng: Rng, candidates: Candidate[]): void {
  let share = 0;
  for (const c of candidates) {
    if (c.draft.shape.joins.some((j) => j.nested)) {
      const j = c.draft.shape.joins.findIndex((x) => x.nested);
      c.alert = { kind: 'nested_loop', shapeIndex: j + 1, fireRate: 1, apply: () => [] };
      share += c.mix;
    }
  }
  for (const c of rng.shuffle(candidates)) {
    if (c.alert || share >= ALERT_TARGET - 0.003) continue;
    const choices = alertChoices(rng, c.draft.shape);
    if (choices.length === 0) continue;
    const choice = rng.pick(choices);
    const added = c.mix * choice.fireRate;
    if (share + added > ALERT_TARGET + 0.005) continue;
    c.alert = choice;
    share += added;
  }
}

function finish(rng: Rng, cluster: ClusterProfile, c: Candidate, key: string, users: readonly DbUser[]): Statement {
  const missingStats = c.alert ? c.alert.apply(c.draft.shape) : [];
  const s = c.draft.shape;
  const steps = buildScanSteps(s);
  const plan = s.kind === 'copy' || s.kind === 'leader' || s.kind === 'system' ? [] : buildPlan(s, missingStats);
  let alert: StatementAlert | null = null;
  if (c.alert) {
    const shapeIndex = c.alert.shapeIndex;
    const stepIndex = steps.findIndex((st) => st.shapeIndex === shapeIndex);
    if (stepIndex >= 0) alert = { kind: c.alert.kind, stepIndex, fireRate: c.alert.fireRate };
  }
  let user: DbUser;
  let label = 'default';
  if (c.workload === 'system') user = usersWithRole(users, 'system')[0] as DbUser;
  else if (c.workload === 'etl') {
    user = usersWithRole(users, 'etl')[0] as DbUser;
    label = 'etl';
  } else if (c.workload === 'bi') {
    const bi = usersWithRole(users, 'bi');
    user = (c.draft.template === 'tableauInList' ? bi[1] : bi[0]) ?? (bi[0] as DbUser);
    label = user.name === 'looker_svc' ? 'dashboards' : 'default';
  } else if (rng.chance(0.06)) {
    user = usersWithRole(users, 'admin')[0] as DbUser;
    label = 'superuser';
  } else user = rng.pick(usersWithRole(users, 'analyst'));
  return {
    key,
    workload: c.workload,
    template: c.draft.template,
    kind: s.kind,
    text: s.text,
    userid: user.userid,
    label,
    // Analysts sometimes work in the second database; pipelines and tools never do.
    database: c.workload === 'adhoc' && rng.chance(0.2) ? cluster.secondaryDatabase : cluster.database,
    leaderOnly: s.kind === 'leader',
    steps,
    plan,
    alert,
    medianExecMicros: c.draft.medianExecMicros,
    execSigma: c.draft.execSigma,
    share: 0,
  };
}

function normalise(weights: readonly number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  return weights.map((w) => w / total);
}

/** Builds the statement pool of a cluster; deterministic in (seed, cluster id). */
export function buildStatementPool(cluster: ClusterProfile, seed: number, catalog: ClusterCatalog, users: readonly DbUser[]): StatementPool {
  const rng = createRng(seed, cluster.id, 'statements');
  const seen = new Set<string>();
  const biShare = BI_SHARE[cluster.kind];
  const interactive = 260;
  const biDrafts = draftInteractive(rng, catalog, BI_TEMPLATES, Math.round(interactive * (0.25 + biShare * 0.5)), seen);
  const adhocDrafts = draftInteractive(rng, catalog, ADHOC_TEMPLATES, interactive - biDrafts.length, seen);
  const etlDrafts = buildEtlStatements(rng, catalog, cluster.kind === 'sandbox');
  const systemDrafts = buildSystemStatements(catalog);

  const biShares = zipfShares(rng, biDrafts);
  const adhocShares = zipfShares(rng, adhocDrafts);
  const etlShares = normalise(etlDrafts.map((d) => d.weight));
  const interactiveShare = 1 - cluster.etlShare;

  const candidates: Candidate[] = [
    ...biDrafts.map((draft, i) => ({ draft, workload: 'bi' as const, mix: interactiveShare * biShare * (biShares[i] ?? 0), alert: null })),
    ...adhocDrafts.map((draft, i) => ({ draft, workload: 'adhoc' as const, mix: interactiveShare * (1 - biShare) * (adhocShares[i] ?? 0), alert: null })),
    ...etlDrafts.map((draft, i) => ({ draft, workload: 'etl' as const, mix: cluster.etlShare * (etlShares[i] ?? 0), alert: null })),
  ];
  // Leader-only statements never reach the compute nodes, so they cannot alert.
  assignAlerts(
    rng,
    candidates.filter((c) => c.draft.shape.kind !== 'leader' && c.draft.shape.kind !== 'copy'),
  );

  const pool: StatementPool = { bi: [], adhoc: [], etl: [], system: [] };
  const counters: Record<Workload, number> = { bi: 0, adhoc: 0, etl: 0, system: 0 };
  const shareOf = (c: Candidate, i: number): number =>
    c.workload === 'bi'
      ? (biShares[i] ?? 0)
      : c.workload === 'adhoc'
        ? (adhocShares[i - biDrafts.length] ?? 0)
        : (etlShares[i - biDrafts.length - adhocDrafts.length] ?? 0);
  candidates.forEach((c, i) => {
    const key = `${c.workload}-${String(counters[c.workload]++).padStart(3, '0')}`;
    const st = finish(rng, cluster, c, key, users);
    st.share = shareOf(c, i);
    pool[c.workload].push(st);
  });
  const systemShares = normalise(systemDrafts.map((d) => d.weight));
  systemDrafts.forEach((draft, i) => {
    const st = finish(rng, cluster, { draft, workload: 'system', mix: 0, alert: null }, `system-${String(i).padStart(3, '0')}`, users);
    st.share = systemShares[i] ?? 0;
    pool.system.push(st);
  });
  return pool;
}

/** Expected share of user executions that log an alert, from the pool's frequencies. */
export function expectedAlertShare(pool: StatementPool, cluster: ClusterProfile): number {
  const biShare = BI_SHARE[cluster.kind];
  const interactive = 1 - cluster.etlShare;
  const part = (list: readonly Statement[], weight: number): number => list.reduce((sum, s) => sum + (s.alert ? s.share * s.alert.fireRate : 0), 0) * weight;
  return part(pool.bi, interactive * biShare) + part(pool.adhoc, interactive * (1 - biShare)) + part(pool.etl, cluster.etlShare);
}
