'use client';

import type { ReactNode } from 'react';
import { QueryStatsBar } from '@/components/results/QueryStatsBar';
import type { ChartConfig } from '@/lib/charts/config';
import type { TabView } from '@/lib/console/tabs';
import type { EngineClient, QueryResult } from '@/lib/engine/client';
import { planSections } from '@/lib/console/plan';
import { PlanView } from './PlanView';
import { QueryErrorPanel } from './QueryErrorPanel';
import { FinishedResult } from './FinishedResult';
import type { RunState } from '@/lib/console/tab-runs';
import { RunningStatus } from './RunningStatus';

export interface ResultsAreaProps {
  state: RunState;
  /** For exporting the full result; without it export is unavailable. */
  engine?: EngineClient | null;
  /** Table or chart (the tab's choice). */
  view?: TabView;
  /** The tab's chart; without one, the chart view starts from a suggestion. */
  chart?: ChartConfig;
  onViewChange?: (view: TabView) => void;
  onChartChange?: (chart: ChartConfig) => void;
}

const resultKeys = new WeakMap<QueryResult, number>();
let nextResultKey = 0;

/** One key per result object, so each new result mounts fresh (sort, filters, scroll, decrypted values). */
function resultKey(result: QueryResult): number {
  let key = resultKeys.get(result);
  if (key === undefined) {
    key = nextResultKey++;
    resultKeys.set(result, key);
  }
  return key;
}

/** What the last run of the active tab produced: nothing yet, progress, an error, or rows as a table or a chart. */
export function ResultsArea({ state, engine = null, view = 'table', chart, onViewChange, onChartChange }: ResultsAreaProps): ReactNode {
  switch (state.status) {
    case 'idle':
      return <p className="muted">Run a query to see results.</p>;
    case 'running':
      return <RunningStatus startedAt={state.startedAt} progress={state.progress} />;
    case 'error':
      return <QueryErrorPanel error={state.error} />;
    case 'done': {
      const plan = planSections(state.result.rows);
      if (plan) {
        return (
          <>
            <QueryStatsBar stats={state.result.stats} />
            <PlanView sections={plan} />
          </>
        );
      }
      return (
        <FinishedResult
          key={resultKey(state.result)}
          result={state.result}
          sql={state.sql}
          engine={engine}
          view={view}
          chart={chart}
          onViewChange={onViewChange}
          onChartChange={onChartChange}
        />
      );
    }
  }
}
