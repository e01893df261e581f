/**
 * Shared types of the sample generator: options, cluster profiles and one row
 * type per exported Redshift system table.
 *
 * Row values are logical: CHAR columns hold unpadded text (the writer pads
 * them to their declared width) and timestamps are microseconds since the
 * Unix epoch, UTC.
 */

/** The eight exported system tables, in the order the generator writes them. */
export const TABLE_NAMES = [
  'stl_query',
  'stl_querytext',
  'stl_ddltext',
  'stl_utilitytext',
  'stl_explain',
  'stl_scan',
  'stl_wlm_query',
  'stl_alert_event_log',
] as const;

/** One of the eight exported tables. */
export type TableName = (typeof TABLE_NAMES)[number];

/** Microseconds since 1970-01-01T00:00:00Z. */
export type Micros = number;

/** AWS Encryption SDK algorithm suites CloudFront FLE output has been seen with. */
export type FleSuite = 0x0378 | 0x0178;

/** Options that fully determine the plaintext content of a sample. */
export interface SampleOptions {
  /** Number of clusters (the first five have hand-written profiles). */
  clusters: number;
  /** Number of days ending on endDate, inclusive. */
  days: number;
  /** Average stl_query rows per cluster and day (clusters and weekdays vary around it). */
  queriesPerDay: number;
  /** Last day, YYYY-MM-DD (UTC). */
  endDate: string;
  seed: number;
}

/** WLM queue a query can land in. */
export interface WlmQueue {
  serviceClass: number;
  /** service_class_name on clusters that export it. */
  name: string;
  /** query_priority on clusters that export it. */
  priority: string;
}

/** Everything about one simulated cluster that does not change from day to day. */
export interface ClusterProfile {
  /** Position in the generated list; drives a few deliberate differences. */
  index: number;
  id: string;
  kind: 'analytics' | 'etl' | 'staging' | 'reporting' | 'sandbox';
  /** Local UTC offset in hours, for office hours and the nightly ETL window. */
  utcOffsetHours: number;
  /** Compute slices (leader rows use slice 10000 on top of these). */
  slices: number;
  /** Main database; most work runs here. */
  database: string;
  /** Second database some analysts use (Redshift's default `dev`, or a scratch database). */
  secondaryDatabase: string;
  /** Multiplier on queriesPerDay; the first five average to 1. */
  loadScale: number;
  /** Share of user queries that come from ETL jobs. */
  etlShare: number;
  /** Weekend load as a share of a weekday's interactive load. */
  weekendFactor: number;
  /** True when the cluster runs a newer Redshift version that exports extra columns. */
  newerColumns: boolean;
  suite: FleSuite;
  /** False when CloudFront drops the base64 '=' padding for this cluster. */
  base64Padding: boolean;
  autoWlm: boolean;
  /** Share of short queries sent to short query acceleration (service class 14). */
  sqaShare: number;
  /** Share of BI queries that run on a concurrency scaling cluster. */
  concurrencyScalingShare: number;
  firstQueryId: number;
  firstXid: number;
  /** Sessions' pid range starts here. */
  pidBase: number;
}

/** A stl_query row. */
export type StlQueryRow = {
  userid: number;
  query: number;
  label: string;
  xid: number;
  pid: number;
  database: string;
  querytxt: string;
  starttime: Micros;
  endtime: Micros;
  aborted: number;
  insert_pristine: number;
  concurrency_scaling_status: number;
};

/** A stl_querytext row: one 200-character chunk of a query's text. */
export type StlQueryTextRow = {
  userid: number;
  xid: number;
  pid: number;
  query: number;
  sequence: number;
  text: string;
};

/** stl_ddltext and stl_utilitytext share these columns. */
export type StlStatementTextRow = {
  userid: number;
  xid: number;
  pid: number;
  label: string;
  starttime: Micros;
  endtime: Micros;
  sequence: number;
  text: string;
};

/** A stl_explain row: one plan node of a query. */
export type StlExplainRow = {
  userid: number;
  query: number;
  nodeid: number;
  parentid: number;
  plannode: string;
  info: string;
};

/** A stl_scan row: one scan step on one slice. */
export type StlScanRow = {
  userid: number;
  query: number;
  slice: number;
  segment: number;
  step: number;
  starttime: Micros;
  endtime: Micros;
  tasknum: number;
  rows: number;
  bytes: number;
  fetches: number;
  type: number;
  tbl: number;
  is_rrscan: string;
  is_delayed_scan: string;
  rows_pre_filter: number;
  rows_pre_user_filter: number;
  perm_table_name: string;
  /** Newer Redshift versions only. */
  is_rlf_scan: string;
  /** Newer Redshift versions only. */
  is_rlf_scan_reason: number;
  /** Newer Redshift versions only. */
  is_vectorized_scan: string;
};

/** A stl_wlm_query row: one query's pass through a WLM queue. */
export type StlWlmQueryRow = {
  userid: number;
  xid: number;
  task: number;
  query: number;
  service_class: number;
  slot_count: number;
  service_class_start_time: Micros;
  queue_start_time: Micros;
  queue_end_time: Micros;
  total_queue_time: number;
  exec_start_time: Micros;
  exec_end_time: Micros;
  total_exec_time: number;
  service_class_end_time: Micros;
  final_state: string;
  est_peak_mem: number;
  /** Newer Redshift versions only. */
  query_priority: string;
  /** Newer Redshift versions only. */
  service_class_name: string;
};

/** A stl_alert_event_log row: one alert on one slice. */
export type StlAlertEventLogRow = {
  userid: number;
  query: number;
  slice: number;
  segment: number;
  step: number;
  pid: number;
  xid: number;
  event: string;
  solution: string;
  event_time: Micros;
};

/** A row as the writer sees it: every value is text or a number (timestamps in microseconds). */
export type RowRecord = Readonly<Record<string, string | number>>;

/** Row type of each table. Rows are type aliases, not interfaces, so they are assignable to RowRecord. */
export interface TableRowMap {
  stl_query: StlQueryRow;
  stl_querytext: StlQueryTextRow;
  stl_ddltext: StlStatementTextRow;
  stl_utilitytext: StlStatementTextRow;
  stl_explain: StlExplainRow;
  stl_scan: StlScanRow;
  stl_wlm_query: StlWlmQueryRow;
  stl_alert_event_log: StlAlertEventLogRow;
}

/**
 * A row with the timestamp that decides its partition day and export run:
 * the table's own start column, or the parent query's starttime for
 * stl_querytext and stl_explain.
 */
export interface TimedRow<R> {
  at: Micros;
  row: R;
}

/** All rows one cluster-day of activity produced, per table. Some may fall on the next day. */
export type ClusterDayRows = { [T in TableName]: Array<TimedRow<TableRowMap[T]>> };
