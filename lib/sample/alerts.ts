/**
 * stl_alert_event_log texts as Redshift writes them. Tools split the event on
 * its first ':' to get the category, so the detail after it must vary while
 * the part before it stays fixed.
 */

export type AlertKind = 'missing_stats' | 'nested_loop' | 'deleted_rows' | 'distributed' | 'broadcast' | 'dist_all_inner' | 'selective_filter';

/** Every alert kind the generator can log. */
export const ALERT_KINDS: readonly AlertKind[] = [
  'missing_stats',
  'nested_loop',
  'deleted_rows',
  'distributed',
  'broadcast',
  'dist_all_inner',
  'selective_filter',
];

/** What one slice saw when the alert fired; the detail text quotes it. */
export interface AlertFacts {
  rows: number;
  rowsPreUserFilter: number;
}

const SOLUTIONS: Record<AlertKind, string> = {
  missing_stats: 'Run the ANALYZE command',
  nested_loop: 'Review the join predicates to avoid Cartesian products',
  deleted_rows: 'Run the VACUUM command to reclaim deleted space',
  distributed: 'Review the choice of distribution key to collocate the join or aggregation',
  broadcast: 'Review the choice of distribution key to collocate the join and consider using distributed tables',
  dist_all_inner: 'Review the choice of distribution strategy to distribute the inner, rather than outer, table',
  selective_filter: 'Review the choice of sort key to enable range restricted scans',
};

/** The event text for one slice's alert row. */
export function alertEvent(kind: AlertKind, facts: AlertFacts): string {
  switch (kind) {
    case 'missing_stats':
      return 'Missing query planner statistics';
    case 'nested_loop':
      return 'Nested Loop Join in the query plan';
    case 'deleted_rows':
      return 'Scanned a large number of deleted rows';
    case 'distributed':
      return `Distributed a large number of rows across the network:${facts.rows} rows were distributed in order to process the aggregation`;
    case 'broadcast':
      return 'Broadcasted a large number of rows across the network';
    case 'dist_all_inner':
      return 'DS_DIST_ALL_INNER for Hash Join in the query plan';
    case 'selective_filter': {
      const ratio = facts.rowsPreUserFilter > 0 ? facts.rows / facts.rowsPreUserFilter : 0;
      return `Very selective query filter:ratio=rows(${facts.rows})/rows_pre_user_filter(${facts.rowsPreUserFilter})=${ratio.toFixed(6)}`;
    }
  }
}

/** The solution text Redshift pairs with an alert kind. */
export function alertSolution(kind: AlertKind): string {
  return SOLUTIONS[kind];
}
