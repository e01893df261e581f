'use client';

import type { ReactNode } from 'react';
import { QueryStatsBar } from '@/components/results/QueryStatsBar';
import { ResultsGrid } from '@/components/results/ResultsGrid';
import { QueryErrorPanel } from './QueryErrorPanel';
import type { RunState } from './useQueryRunner';

export interface ResultsAreaProps {
  state: RunState;
}

/** What the last run of the active tab produced: nothing yet, progress, an error, or rows. */
export function ResultsArea({ state }: ResultsAreaProps): ReactNode {
  switch (state.status) {
    case 'idle':
      return <p className="muted">Run a query to see results.</p>;
    case 'running':
      return (
        <p role="status" className="muted">
          Running{state.progress ? ` ${state.progress}` : ''}…
        </p>
      );
    case 'error':
      return <QueryErrorPanel error={state.error} />;
    case 'done':
      return (
        <>
          <QueryStatsBar stats={state.result.stats} />
          <ResultsGrid rows={state.result.rows} />
        </>
      );
  }
}
