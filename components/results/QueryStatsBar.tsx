import type { ReactNode } from 'react';
import type { QueryStats } from '@/lib/engine/client';
import { formatBytes, formatDuration } from '@/lib/console/units';

export interface QueryStatsBarProps {
  stats: QueryStats;
}

/** Rows, time, bytes fetched and files read out of the files in scope (pruning made visible). */
export function QueryStatsBar({ stats }: QueryStatsBarProps): ReactNode {
  return (
    <p className="stats" role="status" aria-label="Query statistics">
      <span>{stats.rows.toLocaleString('en-US')} rows</span>
      <span>in {formatDuration(stats.elapsedMs)}</span>
      <span>{formatBytes(stats.bytesFetched)} fetched</span>
      <span>
        {stats.filesRead.toLocaleString('en-US')} of {stats.filesInScope.toLocaleString('en-US')} files read
      </span>
    </p>
  );
}
