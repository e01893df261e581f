/**
 * Column layout of each exported table, in Redshift's column order, with the
 * DuckDB type the Parquet file uses. CHAR columns record their width so the
 * writer can blank-pad them like Redshift; FLE-protected columns hold
 * ciphertext instead and are never padded.
 */

import type { ClusterProfile, TableName, TableRowMap } from './types';

/** DuckDB/Parquet type of an exported column. */
export type ColumnType = 'INTEGER' | 'BIGINT' | 'VARCHAR' | 'TIMESTAMP';

/** One exported column of a table with row type R. */
export interface ColumnSpec<R> {
  name: keyof R & string;
  type: ColumnType;
  /** Declared CHAR(n) width; the writer pads to it unless the column is encrypted. */
  charWidth?: number;
  /** Replaced by an FLE ciphertext when the sample is encrypted. */
  encrypted?: boolean;
  /** Exported only by clusters on a newer Redshift version. */
  newer?: boolean;
}

type Schemas = { [T in TableName]: ReadonlyArray<ColumnSpec<TableRowMap[T]>> };

/** Column constructors bound to one row type, so names are checked against it. */
function columns<R>(): {
  int: (name: keyof R & string, extra?: Partial<ColumnSpec<R>>) => ColumnSpec<R>;
  big: (name: keyof R & string) => ColumnSpec<R>;
  ts: (name: keyof R & string) => ColumnSpec<R>;
  char: (name: keyof R & string, width: number, extra?: Partial<ColumnSpec<R>>) => ColumnSpec<R>;
} {
  return {
    int: (name, extra = {}) => ({ name, type: 'INTEGER', ...extra }),
    big: (name) => ({ name, type: 'BIGINT' }),
    ts: (name) => ({ name, type: 'TIMESTAMP' }),
    char: (name, width, extra = {}) => ({ name, type: 'VARCHAR', charWidth: width, ...extra }),
  };
}

const q = columns<TableRowMap['stl_query']>();
const qt = columns<TableRowMap['stl_querytext']>();
const st = columns<TableRowMap['stl_ddltext']>();
const ex = columns<TableRowMap['stl_explain']>();
const sc = columns<TableRowMap['stl_scan']>();
const wl = columns<TableRowMap['stl_wlm_query']>();
const al = columns<TableRowMap['stl_alert_event_log']>();

const statementText: ReadonlyArray<ColumnSpec<TableRowMap['stl_ddltext']>> = [
  st.int('userid'),
  st.big('xid'),
  st.int('pid'),
  st.char('label', 320),
  st.ts('starttime'),
  st.ts('endtime'),
  st.int('sequence'),
  st.char('text', 200, { encrypted: true }),
];

/** Every table's columns, including the newer ones only some clusters export. */
export const SCHEMAS: Schemas = {
  stl_query: [
    q.int('userid'),
    q.int('query'),
    q.char('label', 320),
    q.big('xid'),
    q.int('pid'),
    q.char('database', 32),
    q.char('querytxt', 4000, { encrypted: true }),
    q.ts('starttime'),
    q.ts('endtime'),
    q.int('aborted'),
    q.int('insert_pristine'),
    q.int('concurrency_scaling_status'),
  ],
  stl_querytext: [qt.int('userid'), qt.big('xid'), qt.int('pid'), qt.int('query'), qt.int('sequence'), qt.char('text', 200, { encrypted: true })],
  stl_ddltext: statementText,
  stl_utilitytext: statementText,
  stl_explain: [ex.int('userid'), ex.int('query'), ex.int('nodeid'), ex.int('parentid'), ex.char('plannode', 400), ex.char('info', 400)],
  stl_scan: [
    sc.int('userid'),
    sc.int('query'),
    sc.int('slice'),
    sc.int('segment'),
    sc.int('step'),
    sc.ts('starttime'),
    sc.ts('endtime'),
    sc.int('tasknum'),
    sc.big('rows'),
    sc.big('bytes'),
    sc.big('fetches'),
    sc.int('type'),
    sc.int('tbl'),
    sc.char('is_rrscan', 1),
    sc.char('is_delayed_scan', 1),
    sc.big('rows_pre_filter'),
    sc.big('rows_pre_user_filter'),
    sc.char('perm_table_name', 136),
    sc.char('is_rlf_scan', 1, { newer: true }),
    sc.int('is_rlf_scan_reason', { newer: true }),
    sc.char('is_vectorized_scan', 1, { newer: true }),
  ],
  stl_wlm_query: [
    wl.int('userid'),
    wl.big('xid'),
    wl.int('task'),
    wl.int('query'),
    wl.int('service_class'),
    wl.int('slot_count'),
    wl.ts('service_class_start_time'),
    wl.ts('queue_start_time'),
    wl.ts('queue_end_time'),
    wl.big('total_queue_time'),
    wl.ts('exec_start_time'),
    wl.ts('exec_end_time'),
    wl.big('total_exec_time'),
    wl.ts('service_class_end_time'),
    wl.char('final_state', 16),
    wl.big('est_peak_mem'),
    wl.char('query_priority', 20, { newer: true }),
    wl.char('service_class_name', 64, { newer: true }),
  ],
  stl_alert_event_log: [
    al.int('userid'),
    al.int('query'),
    al.int('slice'),
    al.int('segment'),
    al.int('step'),
    al.int('pid'),
    al.big('xid'),
    al.char('event', 1024),
    al.char('solution', 1024),
    al.ts('event_time'),
  ],
};

/** The columns a cluster exports for a table: older Redshift versions lack the newer ones. */
export function columnsFor<T extends TableName>(table: T, cluster: ClusterProfile): ReadonlyArray<ColumnSpec<TableRowMap[T]>> {
  const all = SCHEMAS[table] as ReadonlyArray<ColumnSpec<TableRowMap[T]>>;
  return cluster.newerColumns ? all : all.filter((c) => !c.newer);
}

/** Column names of a table that FLE protects. */
export function encryptedColumns(table: TableName): string[] {
  const specs: ReadonlyArray<{ name: string; encrypted?: boolean }> = SCHEMAS[table];
  return specs.filter((c) => c.encrypted).map((c) => c.name);
}
