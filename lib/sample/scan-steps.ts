/**
 * The stl_scan steps a statement performs, derived from its shape. Each step
 * becomes one stl_scan row per slice when the statement runs.
 */

import type { QueryShape } from './shape';
import { sourceName, sourceRows } from './shape';

/** Scan type ids stl_scan uses. */
export const SCAN_TYPE = { network: 1, permanent: 2, spectrum: 29 } as const;

/** Slice number Redshift gives the leader node. */
export const LEADER_SLICE = 10000;

/** One scan step of a statement, before per-slice numbers are drawn. */
export interface ScanStep {
  type: number;
  tbl: number;
  /** Unpadded perm_table_name. */
  permTableName: string;
  segment: number;
  /** Runs on the leader (slice 10000) only, instead of on every compute slice. */
  leader: boolean;
  /** rows_pre_filter summed over all slices for one typical execution. */
  rowsPreFilter: number;
  /** Share of rows_pre_filter that are ghost rows. */
  ghostShare: number;
  /** rows / rows_pre_user_filter. */
  selectivity: number;
  rangeRestricted: boolean;
  /** Bytes per output row. */
  width: number;
  /** Index into shape.scans, or -1 for network and leader steps. */
  shapeIndex: number;
}

/** Id Redshift reports for internal worktables. */
const WORKTABLE_TBL = 0;

/**
 * Segment layout: the inner (hash) sides are scanned first, then rows
 * arriving over the network for redistributed joins, then the outer table,
 * and the leader merges last.
 */
export function buildScanSteps(shape: QueryShape): ScanStep[] {
  if (shape.kind === 'leader' || shape.kind === 'copy') return [];
  const steps: ScanStep[] = [];
  let segment = 0;
  const add = (shapeIndex: number): void => {
    const scan = shape.scans[shapeIndex];
    if (!scan) return;
    const src = scan.source;
    const total = sourceRows(src);
    const external = src.kind === 'table' && src.table.external;
    // Range-restricted scans read only the blocks whose zone maps match the filter.
    const readShare = scan.rangeRestricted ? Math.min(1, Math.max(0.002, scan.selectivity * 4)) : 1;
    steps.push({
      type: external ? SCAN_TYPE.spectrum : SCAN_TYPE.permanent,
      tbl: src.kind === 'table' ? src.table.id : 0,
      permTableName: external ? 'S3' : sourceName(src),
      segment: segment++,
      leader: false,
      rowsPreFilter: Math.max(1, Math.round(total * readShare)),
      ghostShare: src.kind === 'table' ? src.table.ghostShare : 0,
      selectivity: scan.rangeRestricted ? Math.min(1, scan.selectivity / readShare) : scan.selectivity,
      rangeRestricted: scan.rangeRestricted,
      width: src.kind === 'table' ? Math.max(8, Math.round(src.table.width / 3)) : src.width,
      shapeIndex,
    });
  };
  for (let i = 1; i < shape.scans.length; i++) add(i);
  shape.joins.forEach((join, i) => {
    if (join.strategy === 'DS_DIST_NONE' || join.strategy === 'DS_DIST_ALL_NONE') return;
    const innerStep = steps.find((s) => s.shapeIndex === i + 1);
    const moved = innerStep ? innerStep.rowsPreFilter * innerStep.selectivity : 1000;
    steps.push({
      type: SCAN_TYPE.network,
      tbl: WORKTABLE_TBL,
      permTableName: 'Internal Worktable',
      segment: segment++,
      leader: false,
      rowsPreFilter: Math.max(1, Math.round(moved)),
      ghostShare: 0,
      selectivity: 1,
      rangeRestricted: false,
      width: innerStep?.width ?? 32,
      shapeIndex: -1,
    });
  });
  add(0);
  if (shape.aggregate || shape.window) segment++;
  if (shape.sortKey) {
    steps.push({
      type: SCAN_TYPE.network,
      tbl: WORKTABLE_TBL,
      permTableName: 'Internal Worktable',
      segment,
      leader: true,
      rowsPreFilter: Math.max(1, shape.limit ?? 200),
      ghostShare: 0,
      selectivity: 1,
      rangeRestricted: false,
      width: 48,
      shapeIndex: -1,
    });
  }
  return steps;
}
