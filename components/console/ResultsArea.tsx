'use client';

import type { ReactNode } from 'react';
import { QueryStatsBar } from '@/components/results/QueryStatsBar';
import { ResultsView } from '@/components/results/ResultsView';
import type { EngineClient } from '@/lib/engine/client';
import { planSections } from '@/lib/console/plan';
import { PlanView } from './PlanView';
import { QueryErrorPanel } from './QueryErrorPanel';
import type { RunState } from './useQueryRunner';

export interface ResultsAreaProps {
  state: RunState;
  /** For exporting the full result; without it export is unavailable. */
  engine?: EngineClient | null;
}

/** What the last run of the active tab produced: nothing yet, progress, an error, or rows. */
export function ResultsArea({ state, engine = null }: ResultsAreaProps): ReactNode {
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
    case 'done': {
      const plan = planSections(state.result.rows);
      return plan ? (
        <>
          <QueryStatsBar stats={state.result.stats} />
          <PlanView sections={plan} />
        </>
      ) : (
        <ResultsView result={state.result} sql={state.sql} engine={engine} />
      );
    }
  }
}
