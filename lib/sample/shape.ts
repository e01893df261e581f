/**
 * A statement's logical shape: what it scans, how it joins and what it does
 * on top. SQL text, the stl_explain plan and the stl_scan steps are all
 * derived from one shape, which keeps them in agreement.
 */

import type { UserTable } from './catalog';

/** Redshift join distribution strategies as EXPLAIN names them. */
export type JoinStrategy = 'DS_DIST_NONE' | 'DS_DIST_ALL_NONE' | 'DS_DIST_INNER' | 'DS_DIST_BOTH' | 'DS_BCAST_INNER' | 'DS_DIST_ALL_INNER';

/** What a scan reads: a catalog table or a volatile temp table Redshift made for a CTE. */
export type ScanSource = { kind: 'table'; table: UserTable } | { kind: 'temp'; name: string; rows: number; width: number };

/** One table read by a statement. */
export interface ShapeScan {
  source: ScanSource;
  alias: string;
  /** Text for the plan's `Filter:` line, or null when nothing is filtered. */
  filter: string | null;
  /** rows / rows_pre_user_filter. */
  selectivity: number;
  /** Zone maps skip blocks: the scan reads only part of the table. */
  rangeRestricted: boolean;
}

/** Joins scans[i + 1] into the result of everything before it. */
export interface ShapeJoin {
  strategy: JoinStrategy;
  nested: boolean;
  /** Join condition as the plan prints it. */
  condition: string;
}

/** What a statement does; decides whether it has a plan, scans and WLM rows. */
export type StatementKind = 'select' | 'insert' | 'delete' | 'update' | 'copy' | 'unload' | 'leader' | 'system';

/** The logical shape of a statement. */
export interface QueryShape {
  kind: StatementKind;
  text: string;
  scans: ShapeScan[];
  joins: ShapeJoin[];
  aggregate: 'hash' | 'plain' | null;
  /** Sort key text when the result is ordered (adds Merge/Network/Sort and a leader scan). */
  sortKey: string | null;
  limit: number | null;
  /** Partition text for a window function, or null. */
  window: string | null;
  /** Table written by INSERT/DELETE/UPDATE/COPY. */
  target: UserTable | null;
}

/** A shape with the defaults most templates use. */
export function shape(partial: Pick<QueryShape, 'kind' | 'text' | 'scans'> & Partial<QueryShape>): QueryShape {
  return { joins: [], aggregate: null, sortKey: null, limit: null, window: null, target: null, ...partial };
}

/** A plain scan of a catalog table. */
export function tableScan(table: UserTable, alias: string, filter: string | null, selectivity: number, rangeRestricted = false): ShapeScan {
  return { source: { kind: 'table', table }, alias, filter, selectivity, rangeRestricted };
}

/** Rows a scan source holds. */
export function sourceRows(source: ScanSource): number {
  return source.kind === 'table' ? source.table.rows : source.rows;
}

/** Bare name stl_scan and the plan show for a source. */
export function sourceName(source: ScanSource): string {
  return source.kind === 'table' ? source.table.name : source.name;
}
