/**
 * stl_explain plan rows derived from a statement's shape, in the form
 * Redshift's EXPLAIN prints: `XN <operator>  (cost=a..b rows=n width=w)`.
 */

import type { QueryShape, ShapeScan } from './shape';
import { sourceName, sourceRows } from './shape';

/** One stl_explain row without the query id, which each execution adds. */
export interface PlanRow {
  nodeid: number;
  parentid: number;
  plannode: string;
  info: string;
}

interface Node {
  op: string;
  lo: number;
  hi: number;
  rows: number;
  width: number;
  info: string;
  children: Node[];
}

/** Redshift adds this to the cost of every step above a redistribution or on the leader. */
const LEADER_COST = 1_000_000_000_000;

const STRATEGY_COST: Record<string, number> = {
  DS_DIST_NONE: 0,
  DS_DIST_ALL_NONE: 0,
  DS_DIST_INNER: 4_000_000_000,
  DS_DIST_BOTH: 9_000_000_000,
  DS_BCAST_INNER: 120_000_000_000,
  DS_DIST_ALL_INNER: 24_000_000_000,
};

function node(op: string, rows: number, width: number, lo: number, hi: number, info: string, children: Node[] = []): Node {
  return { op, rows: Math.max(1, Math.round(rows)), width, lo, hi, info, children };
}

function scanNode(scan: ShapeScan): Node {
  const total = sourceRows(scan.source);
  const width = scan.source.kind === 'table' ? Math.max(4, Math.round(scan.source.table.width / 4)) : scan.source.width;
  const rows = total * scan.selectivity;
  const hi = total * 0.01;
  const info = scan.filter ? `Filter: (${scan.filter})` : '';
  if (scan.source.kind === 'table' && scan.source.table.external) {
    const t = scan.source.table;
    const s3 = node(`S3 Seq Scan ${t.schema}.${t.name} ${scan.alias} location:"s3://acme-datalake-prod/${t.name}/" format:PARQUET`, rows, width, 0, hi, info);
    return node(`XN S3 Query Scan ${scan.alias}`, rows, width, 0, hi * 1.2, '', [s3]);
  }
  return node(`XN Seq Scan on ${sourceName(scan.source)} ${scan.alias}`, rows, width, 0, hi, info);
}

function buildTree(shape: QueryShape): Node | null {
  if (shape.scans.length === 0) return null;
  const [first, ...rest] = shape.scans;
  if (!first) return null;
  let acc = scanNode(first);
  rest.forEach((scan, i) => {
    const join = shape.joins[i];
    const inner = scanNode(scan);
    const rows = Math.max(acc.rows, inner.rows) * 0.8;
    const width = acc.width + inner.width;
    if (!join) {
      acc = node('XN Append', acc.rows + inner.rows, width, 0, acc.hi + inner.hi, '', [acc, inner]);
      return;
    }
    if (join.nested) {
      const hi = LEADER_COST + (acc.hi + inner.hi) * 1000 + (STRATEGY_COST[join.strategy] ?? 0);
      acc = node(`XN Nested Loop ${join.strategy}`, acc.rows * inner.rows * 0.05, width, 0, hi, `Join Filter: (${join.condition})`, [acc, inner]);
      return;
    }
    const hash = node('XN Hash', inner.rows, inner.width, inner.hi, inner.hi, '', [inner]);
    const penalty = STRATEGY_COST[join.strategy] ?? 0;
    const lo = inner.hi + penalty;
    acc = node(`XN Hash Join ${join.strategy}`, rows, width, lo, lo + acc.hi + rows * 0.02, `Hash Cond: (${join.condition})`, [acc, hash]);
  });
  if (shape.window) {
    const sort = node('XN Sort', acc.rows, acc.width, LEADER_COST + acc.hi, LEADER_COST + acc.hi * 1.1, `Sort Key: ${shape.window}`, [acc]);
    acc = node('XN Window', acc.rows, acc.width + 8, sort.lo, sort.hi * 1.01, `Partition: ${shape.window}`, [sort]);
  }
  if (shape.aggregate === 'hash') {
    acc = node('XN HashAggregate', Math.min(acc.rows, 200), acc.width, acc.hi, acc.hi + acc.rows * 0.01, '', [acc]);
  } else if (shape.aggregate === 'plain') {
    acc = node('XN Aggregate', 1, 8, acc.hi, acc.hi + acc.rows * 0.01, '', [acc]);
  }
  if (shape.sortKey) {
    const base = Math.max(acc.hi, LEADER_COST) + (acc.hi < LEADER_COST ? acc.hi : 0);
    const sort = node('XN Sort', acc.rows, acc.width, base, base + 0.5, `Sort Key: ${shape.sortKey}`, [acc]);
    const network = node('XN Network', acc.rows, acc.width, base, base + 0.5, 'Send to leader', [sort]);
    acc = node('XN Merge', acc.rows, acc.width, base, base + 0.5, `Merge Key: ${shape.sortKey}`, [network]);
  }
  if (shape.limit !== null) {
    acc = node('XN Limit', Math.min(shape.limit, acc.rows), acc.width, acc.lo, acc.hi, '', [acc]);
  }
  return acc;
}

function formatCost(n: number): string {
  return n.toFixed(2);
}

/**
 * Flattens the plan in pre-order (root nodeid 1, parentid 0), then adds the
 * footer rows EXPLAIN prints when tables lack planner statistics.
 */
export function buildPlan(shape: QueryShape, missingStatistics: readonly string[]): PlanRow[] {
  const root = buildTree(shape);
  if (!root) return [];
  const rows: PlanRow[] = [];
  const visit = (n: Node, parentid: number): void => {
    const nodeid = rows.length + 1;
    rows.push({
      nodeid,
      parentid,
      plannode: `${n.op}  (cost=${formatCost(n.lo)}..${formatCost(n.hi)} rows=${n.rows} width=${n.width})`,
      info: n.info,
    });
    for (const child of n.children) visit(child, nodeid);
  };
  visit(root, 0);
  if (missingStatistics.length > 0) {
    // The footer is not part of the tree: EXPLAIN prints it after the plan, so it hangs off no node.
    rows.push({ nodeid: rows.length + 1, parentid: 0, plannode: `----- Tables missing statistics: ${missingStatistics.join(', ')} -----`, info: '' });
    rows.push({ nodeid: rows.length + 1, parentid: 0, plannode: '----- Update statistics by running the ANALYZE command on these tables -----', info: '' });
  }
  return rows;
}
