/**
 * Interactive SQL templates: what analysts and BI tools send. Each template
 * instantiates one concrete statement (text plus shape) from the cluster's
 * catalog, or returns null when the cluster lacks the tables it needs.
 *
 * Literals are fixed when the pool is built and relative dates use GETDATE(),
 * so a dashboard tile sends the same text every time: that is what makes
 * "top statements" meaningful.
 */

import type { ClusterCatalog, UserTable } from './catalog';
import { qualified } from './catalog';
import type { Rng } from './random';
import type { JoinStrategy, QueryShape } from './shape';
import { shape, tableScan } from './shape';

/** Names of the interactive SQL templates. */
export type TemplateName =
  | 'piiLookup'
  | 'trend'
  | 'breakdown'
  | 'joinAgg'
  | 'threeWay'
  | 'looker'
  | 'tableauInList'
  | 'nestedLoop'
  | 'spectrum'
  | 'cte'
  | 'windowFn'
  | 'countStar'
  | 'topN'
  | 'leaderOnly';

/** What a template draws from. */
export interface TemplateContext {
  rng: Rng;
  catalog: ClusterCatalog;
}

type Template = (ctx: TemplateContext) => QueryShape | null;

const FIRST = ['olivia', 'liam', 'emma', 'noah', 'ava', 'mateo', 'sofia', 'lucas', 'mia', 'leon', 'yuki', 'aarav', 'chloe', 'omar', 'ines', 'jonas'] as const;
const LAST = ['martin', 'garcia', 'smith', 'nguyen', 'muller', 'rossi', 'tanaka', 'kowalski', 'silva', 'dubois', 'patel', 'johnson', 'berg', 'haddad'] as const;

/** A made-up address on the reserved example.com domain: PII-shaped, never real. */
export function fakeEmail(rng: Rng): string {
  const n = rng.chance(0.5) ? String(rng.int(1, 99)) : '';
  return `${rng.pick(FIRST)}.${rng.pick(LAST)}${n}@example.com`;
}

function pickSome<T>(rng: Rng, items: readonly T[]): T | null {
  return items.length > 0 ? rng.pick(items) : null;
}

function alias(table: UserTable): string {
  return table.name
    .split('_')
    .map((p) => p[0])
    .join('');
}

function tablesWhere(ctx: TemplateContext, pred: (t: UserTable) => boolean): UserTable[] {
  return ctx.catalog.tables.filter((t) => !t.external && pred(t));
}

/** A child table with a foreign key whose parent exists on this cluster. */
function pickRef(ctx: TemplateContext): { child: UserTable; fk: string; parent: UserTable } | null {
  const options: Array<{ child: UserTable; fk: string; parent: UserTable }> = [];
  for (const child of tablesWhere(ctx, () => true)) {
    for (const [fk, parentName] of Object.entries(child.refs)) {
      const parent = ctx.catalog.byName.get(parentName);
      if (parent) options.push({ child, fk, parent });
    }
  }
  return options.length > 0 ? ctx.rng.pick(options) : null;
}

/** The strategy the planner picks when nothing is wrong with the distribution. */
export function naturalStrategy(rng: Rng, inner: UserTable, collocated: boolean): JoinStrategy {
  if (inner.dist === 'ALL') return 'DS_DIST_ALL_NONE';
  if (collocated) return 'DS_DIST_NONE';
  return rng.chance(0.7) ? 'DS_DIST_INNER' : 'DS_BCAST_INNER';
}

function historyShare(days: number): number {
  // Tables hold about three years of history.
  return Math.min(1, days / 1100);
}

function dim(rng: Rng, table: UserTable): { column: string; value: string; share: number } | null {
  if (table.dims.length === 0) return null;
  const d = rng.pick(table.dims);
  return { column: d.column, value: rng.pick(d.values), share: 1 / d.values.length };
}

const piiLookup: Template = (ctx) => {
  const t = pickSome(
    ctx.rng,
    tablesWhere(ctx, (x) => x.pii !== null),
  );
  if (!t?.pii) return null;
  const value = t.pii.kind === 'email' ? fakeEmail(ctx.rng) : String(ctx.rng.int(1000, 9999));
  const cols = ctx.rng.chance(0.4) ? '*' : [t.key, t.pii.column, ...t.dims.slice(0, 2).map((d) => d.column), t.ts].join(', ');
  const text = `SELECT ${cols} FROM ${qualified(t)} WHERE ${t.pii.column} = '${value}'`;
  return shape({
    kind: 'select',
    text,
    scans: [tableScan(t, alias(t), `(${t.pii.column})::text = '${value}'::text`, Math.min(1, 3 / t.rows))],
  });
};

const trend: Template = (ctx) => {
  const t = pickSome(
    ctx.rng,
    tablesWhere(ctx, () => true),
  );
  if (!t) return null;
  const grain = ctx.rng.pick(['day', 'week', 'month'] as const);
  const back = grain === 'day' ? ctx.rng.pick([7, 14, 30, 90]) : grain === 'week' ? ctx.rng.pick([4, 12, 26, 52]) : ctx.rng.pick([3, 6, 12, 24]);
  const days = back * (grain === 'day' ? 1 : grain === 'week' ? 7 : 30);
  const text = `SELECT DATE_TRUNC('${grain}', ${t.ts}) AS period, COUNT(*) AS row_count, SUM(${t.measure}) AS total_${t.measure} FROM ${qualified(t)} WHERE ${t.ts} >= DATEADD(${grain}, -${back}, GETDATE()) GROUP BY 1 ORDER BY 1`;
  return shape({
    kind: 'select',
    text,
    scans: [tableScan(t, alias(t), `(${t.ts} >= dateadd('${grain}'::text, -${back}, getdate()))`, historyShare(days), true)],
    aggregate: 'hash',
    sortKey: `date_trunc('${grain}'::text, ${t.ts})`,
  });
};

const breakdown: Template = (ctx) => {
  const t = pickSome(
    ctx.rng,
    tablesWhere(ctx, (x) => x.dims.length > 0),
  );
  if (!t) return null;
  const group = ctx.rng.pick(t.dims).column;
  const where = dim(ctx.rng, t);
  const limit = ctx.rng.pick([10, 25, 50, 100]);
  const filter = where && where.column !== group ? where : null;
  const whereText = filter ? ` WHERE ${filter.column} = '${filter.value}'` : '';
  const text = `SELECT ${group}, COUNT(*) AS n, AVG(${t.measure}) AS avg_${t.measure} FROM ${qualified(t)}${whereText} GROUP BY ${group} ORDER BY n DESC LIMIT ${limit}`;
  return shape({
    kind: 'select',
    text,
    scans: [tableScan(t, alias(t), filter ? `((${filter.column})::text = '${filter.value}'::text)` : null, filter ? filter.share : 1)],
    aggregate: 'hash',
    sortKey: 'count(*)',
    limit,
  });
};

const joinAgg: Template = (ctx) => {
  const ref = pickRef(ctx);
  if (!ref) return null;
  const { child, fk, parent } = ref;
  const group = ctx.rng.pick(parent.dims.length > 0 ? parent.dims.map((d) => d.column) : [parent.key]);
  const back = ctx.rng.pick([1, 7, 30, 90, 365]);
  const c = 'c';
  const p = 'p';
  const text = `SELECT ${p}.${group}, COUNT(*) AS n, SUM(${c}.${child.measure}) AS total FROM ${qualified(child)} ${c} JOIN ${qualified(parent)} ${p} ON ${c}.${fk} = ${p}.${fk} WHERE ${c}.${child.ts} >= DATEADD(day, -${back}, GETDATE()) GROUP BY ${p}.${group} ORDER BY total DESC`;
  return shape({
    kind: 'select',
    text,
    scans: [tableScan(child, c, `(${child.ts} >= dateadd('day'::text, -${back}, getdate()))`, historyShare(back), true), tableScan(parent, p, null, 1)],
    joins: [
      { strategy: naturalStrategy(ctx.rng, parent, child.dist === 'KEY' && parent.key === fk), nested: false, condition: `"outer".${fk} = "inner".${fk}` },
    ],
    aggregate: 'hash',
    sortKey: `sum(${c}.${child.measure})`,
  });
};

const threeWay: Template = (ctx) => {
  const child = pickSome(
    ctx.rng,
    tablesWhere(ctx, (x) => Object.values(x.refs).filter((r) => ctx.catalog.byName.has(r)).length >= 1),
  );
  if (!child) return null;
  const refs = Object.entries(child.refs).filter(([, r]) => ctx.catalog.byName.has(r));
  const first = refs[0];
  if (!first) return null;
  const p1 = ctx.catalog.byName.get(first[1]) as UserTable;
  // Second hop: another ref of the child, or a ref of the first parent.
  const second = refs[1] ?? Object.entries(p1.refs).find(([, r]) => ctx.catalog.byName.has(r) && r !== child.name);
  if (!second) return null;
  const p2 = ctx.catalog.byName.get(second[1]) as UserTable;
  const secondFrom = refs[1] ? 'a' : 'b';
  const g1 = p1.dims[0]?.column ?? p1.key;
  const g2 = p2.dims[0]?.column ?? p2.key;
  const back = ctx.rng.pick([7, 30, 90]);
  const text = `SELECT b.${g1}, c.${g2}, COUNT(DISTINCT a.${child.key}) AS items, SUM(a.${child.measure}) AS total FROM ${qualified(child)} a JOIN ${qualified(p1)} b ON a.${first[0]} = b.${first[0]} JOIN ${qualified(p2)} c ON ${secondFrom}.${second[0]} = c.${second[0]} WHERE a.${child.ts} >= DATEADD(day, -${back}, GETDATE()) GROUP BY 1, 2 ORDER BY total DESC LIMIT 200`;
  return shape({
    kind: 'select',
    text,
    scans: [
      tableScan(child, 'a', `(${child.ts} >= dateadd('day'::text, -${back}, getdate()))`, historyShare(back), true),
      tableScan(p1, 'b', null, 1),
      tableScan(p2, 'c', null, 1),
    ],
    joins: [
      { strategy: naturalStrategy(ctx.rng, p1, false), nested: false, condition: `"outer".${first[0]} = "inner".${first[0]}` },
      { strategy: naturalStrategy(ctx.rng, p2, false), nested: false, condition: `"outer".${second[0]} = "inner".${second[0]}` },
    ],
    aggregate: 'hash',
    sortKey: `sum(a.${child.measure})`,
    limit: 200,
  });
};

const looker: Template = (ctx) => {
  const ref = pickRef(ctx);
  if (!ref) return null;
  const { child, fk, parent } = ref;
  const grain = ctx.rng.pick(['date', 'week', 'month'] as const);
  const back = ctx.rng.pick([7, 12, 30, 90]);
  const pd = parent.dims.slice(0, ctx.rng.int(1, 2)).map((d) => d.column);
  const cd = child.dims.slice(0, 1).map((d) => d.column);
  const c = child.name;
  const p = parent.name;
  const dims = [
    `TO_CHAR(DATE_TRUNC('${grain === 'date' ? 'day' : grain}', ${c}.${child.ts}), 'YYYY-MM-DD') AS "${c}.created_${grain}"`,
    ...pd.map((d) => `${p}.${d} AS "${p}.${d}"`),
    ...cd.map((d) => `${c}.${d} AS "${c}.${d}"`),
  ];
  const measures = [
    `COUNT(DISTINCT ${c}.${child.key}) AS "${c}.count"`,
    `COALESCE(SUM(${c}.${child.measure}), 0) AS "${c}.total_${child.measure}"`,
    `COALESCE(AVG(${c}.${child.measure}), 0) AS "${c}.average_${child.measure}"`,
  ];
  const context = JSON.stringify({ user_id: ctx.rng.int(2, 180), history_slug: ctx.rng.hex(32), instance_slug: ctx.rng.hex(32) });
  const groupBy = dims.map((_, i) => i + 1).join(',');
  const text = `-- Looker Query Context '${context}' SELECT ${dims.join(', ')}, ${measures.join(', ')} FROM ${qualified(child)} AS ${c} LEFT JOIN ${qualified(parent)} AS ${p} ON ${c}.${fk} = ${p}.${fk} WHERE ((( ${c}.${child.ts} ) >= ((DATEADD(day,-${back - 1}, DATE_TRUNC('day',GETDATE()) ))) AND ( ${c}.${child.ts} ) < ((DATEADD(day,${back},DATEADD(day,-${back - 1}, DATE_TRUNC('day',GETDATE()) ) ))))) GROUP BY ${groupBy} ORDER BY 1 DESC LIMIT 500`;
  return shape({
    kind: 'select',
    text,
    scans: [
      tableScan(
        child,
        c,
        `((${child.ts} >= dateadd('day'::text, -${back - 1}, date_trunc('day'::text, getdate()))) AND (${child.ts} < dateadd('day'::text, ${back}, dateadd('day'::text, -${back - 1}, date_trunc('day'::text, getdate())))))`,
        historyShare(back),
        true,
      ),
      tableScan(parent, p, null, 1),
    ],
    joins: [{ strategy: naturalStrategy(ctx.rng, parent, false), nested: false, condition: `"outer".${fk} = "inner".${fk}` }],
    aggregate: 'hash',
    sortKey: `to_char(date_trunc('day'::text, ${c}.${child.ts}), 'YYYY-MM-DD'::text)`,
    limit: 500,
  });
};

const tableauInList: Template = (ctx) => {
  const t = pickSome(
    ctx.rng,
    tablesWhere(ctx, (x) => Object.keys(x.refs).length > 0 && x.dims.length > 0),
  );
  if (!t) return null;
  const fk = ctx.rng.pick(Object.keys(t.refs));
  const group = ctx.rng.pick(t.dims).column;
  // Tableau sends a selected set as one huge IN list: these statements run past 4000 characters.
  const ids: number[] = [];
  const count = ctx.rng.int(520, 900);
  for (let i = 0; i < count; i++) ids.push(ctx.rng.int(100000, 9999999));
  const q = `"${t.schema}"."${t.name}"`;
  const text = `SELECT "${t.name}"."${group}" AS "${group}", SUM("${t.name}"."${t.measure}") AS "sum:${t.measure}:ok", COUNT(DISTINCT "${t.name}"."${t.key}") AS "ctd:${t.key}:ok" FROM ${q} "${t.name}" WHERE ("${t.name}"."${fk}" IN (${ids.join(', ')})) GROUP BY 1`;
  return shape({
    kind: 'select',
    text,
    scans: [tableScan(t, t.name, `(${fk} = ANY ('{${ids.slice(0, 40).join(',')},...}'::integer[]))`, Math.min(1, (count * 25) / t.rows))],
    aggregate: 'hash',
  });
};

const nestedLoop: Template = (ctx) => {
  const big = pickSome(
    ctx.rng,
    tablesWhere(ctx, (x) => x.rows > 1e5),
  );
  const small = pickSome(
    ctx.rng,
    tablesWhere(ctx, (x) => x !== big && x.rows < 5e7),
  );
  if (!big || !small) return null;
  const back = ctx.rng.pick([1, 3, 7]);
  const d = dim(ctx.rng, small);
  const whereSmall = d ? ` AND s.${d.column} = '${d.value}'` : '';
  const text = `SELECT b.${big.key}, b.${big.ts}, s.${small.key}, s.${small.ts} FROM ${qualified(big)} b, ${qualified(small)} s WHERE b.${big.ts} BETWEEN s.${small.ts} AND DATEADD(day, 30, s.${small.ts}) AND b.${big.ts} >= DATEADD(day, -${back}, GETDATE())${whereSmall}`;
  return shape({
    kind: 'select',
    text,
    scans: [
      tableScan(big, 'b', `(${big.ts} >= dateadd('day'::text, -${back}, getdate()))`, historyShare(back), true),
      tableScan(small, 's', d ? `((${d.column})::text = '${d.value}'::text)` : null, d ? d.share : 1),
    ],
    joins: [
      {
        strategy: 'DS_BCAST_INNER',
        nested: true,
        condition: `("outer".${big.ts} >= "inner".${small.ts}) AND ("outer".${big.ts} <= dateadd('day'::text, 30, "inner".${small.ts}))`,
      },
    ],
  });
};

const spectrum: Template = (ctx) => {
  const t = ctx.catalog.tables.find((x) => x.external);
  if (!t) return null;
  const d = ctx.rng.pick(t.dims);
  const hours = ctx.rng.pick([1, 6, 24, 72]);
  const text = `SELECT ${d.column}, COUNT(*) AS events, APPROXIMATE COUNT(DISTINCT ${t.key}) AS unique_events FROM ${qualified(t)} WHERE ${t.ts} >= DATEADD(hour, -${hours}, GETDATE()) GROUP BY 1 ORDER BY 2 DESC`;
  return shape({
    kind: 'select',
    text,
    scans: [tableScan(t, 'cr', `(${t.ts} >= dateadd('hour'::text, -${hours}, getdate()))`, historyShare(hours / 24))],
    aggregate: 'hash',
    sortKey: 'count(*)',
  });
};

const cte: Template = (ctx) => {
  const ref = pickRef(ctx);
  if (!ref) return null;
  const { child, fk, parent } = ref;
  const back = ctx.rng.pick([7, 30, 90]);
  const group = parent.dims[0]?.column ?? parent.key;
  const text = `WITH recent AS (SELECT ${fk}, SUM(${child.measure}) AS total FROM ${qualified(child)} WHERE ${child.ts} >= DATEADD(day, -${back}, GETDATE()) GROUP BY 1) SELECT p.${group}, COUNT(*) AS n, AVG(r.total) AS avg_total FROM recent r JOIN ${qualified(parent)} p ON r.${fk} = p.${fk} GROUP BY 1 ORDER BY 3 DESC`;
  // Redshift materialises the CTE into a volatile temp table with a generated name.
  const tempRows = Math.max(10, Math.round(Math.min(parent.rows, child.rows * historyShare(back))));
  return shape({
    kind: 'select',
    text,
    scans: [
      {
        source: { kind: 'temp', name: `volt_tt_${ctx.rng.hex(13)}`, rows: tempRows, width: 24 },
        alias: 'r',
        filter: null,
        selectivity: 1,
        rangeRestricted: false,
      },
      tableScan(parent, 'p', null, 1),
    ],
    joins: [{ strategy: 'DS_DIST_INNER', nested: false, condition: `"outer".${fk} = "inner".${fk}` }],
    aggregate: 'hash',
    sortKey: 'avg(r.total)',
  });
};

const windowFn: Template = (ctx) => {
  const t = pickSome(
    ctx.rng,
    tablesWhere(ctx, (x) => x.dims.length > 0),
  );
  if (!t) return null;
  const part = ctx.rng.pick(t.dims).column;
  const back = ctx.rng.pick([1, 7, 14]);
  const text = `SELECT ${t.key}, ${part}, ${t.ts}, ${t.measure}, SUM(${t.measure}) OVER (PARTITION BY ${part} ORDER BY ${t.ts} ROWS UNBOUNDED PRECEDING) AS running_total, RANK() OVER (PARTITION BY ${part} ORDER BY ${t.measure} DESC) AS rnk FROM ${qualified(t)} WHERE ${t.ts} >= DATEADD(day, -${back}, GETDATE())`;
  return shape({
    kind: 'select',
    text,
    scans: [tableScan(t, alias(t), `(${t.ts} >= dateadd('day'::text, -${back}, getdate()))`, historyShare(back), true)],
    window: `${part}, ${t.ts}`,
  });
};

const countStar: Template = (ctx) => {
  const t = pickSome(
    ctx.rng,
    tablesWhere(ctx, () => true),
  );
  if (!t) return null;
  const d = ctx.rng.chance(0.6) ? dim(ctx.rng, t) : null;
  const text = d ? `SELECT COUNT(*) FROM ${qualified(t)} WHERE ${d.column} = '${d.value}'` : `SELECT COUNT(*) FROM ${qualified(t)}`;
  return shape({
    kind: 'select',
    text,
    scans: [tableScan(t, alias(t), d ? `((${d.column})::text = '${d.value}'::text)` : null, d ? d.share : 1)],
    aggregate: 'plain',
  });
};

const topN: Template = (ctx) => {
  const t = pickSome(
    ctx.rng,
    tablesWhere(ctx, (x) => Object.keys(x.refs).length > 0),
  );
  if (!t) return null;
  const fk = ctx.rng.pick(Object.keys(t.refs));
  const n = ctx.rng.pick([10, 20, 100]);
  const text = `SELECT ${fk}, COUNT(*) AS n, SUM(${t.measure}) AS total FROM ${qualified(t)} GROUP BY ${fk} ORDER BY total DESC LIMIT ${n}`;
  return shape({
    kind: 'select',
    text,
    scans: [tableScan(t, alias(t), null, 1)],
    aggregate: 'hash',
    sortKey: `sum(${t.measure})`,
    limit: n,
  });
};

const leaderOnly: Template = (ctx) => {
  const schema = ctx.rng.pick(ctx.catalog.tables).schema;
  const text = ctx.rng.pick([
    `SELECT "column", type, encoding, distkey, sortkey FROM pg_catalog.pg_table_def WHERE schemaname = '${schema}'`,
    'SELECT current_user, current_database(), version()',
    `SELECT table_name FROM information_schema.tables WHERE table_schema = '${schema}' ORDER BY 1`,
    `SELECT nspname FROM pg_catalog.pg_namespace WHERE nspname NOT LIKE 'pg_%' ORDER BY 1`,
    'SELECT 1',
  ]);
  return shape({ kind: 'leader', text, scans: [] });
};

/** All templates by name. */
export const TEMPLATES: Readonly<Record<TemplateName, Template>> = {
  piiLookup,
  trend,
  breakdown,
  joinAgg,
  threeWay,
  looker,
  tableauInList,
  nestedLoop,
  spectrum,
  cte,
  windowFn,
  countStar,
  topN,
  leaderOnly,
};

/** Which templates BI tools use, with relative weights. */
export const BI_TEMPLATES: ReadonlyArray<readonly [TemplateName, number]> = [
  ['looker', 5],
  ['tableauInList', 0.5],
  ['trend', 3],
  ['breakdown', 3],
  ['joinAgg', 2],
  ['threeWay', 1],
  ['countStar', 1],
];

/** Which templates analysts use, with relative weights. */
export const ADHOC_TEMPLATES: ReadonlyArray<readonly [TemplateName, number]> = [
  ['piiLookup', 3],
  ['countStar', 3],
  ['trend', 2],
  ['breakdown', 2],
  ['joinAgg', 2],
  ['threeWay', 1],
  ['cte', 1.5],
  ['windowFn', 1.5],
  ['topN', 2],
  ['spectrum', 1],
  ['nestedLoop', 0.6],
  ['leaderOnly', 2],
];
