'use client';

import type { ReactNode } from 'react';
import { ChartPanel } from '@/components/charts/ChartPanel';
import { QueryStatsBar } from '@/components/results/QueryStatsBar';
import { ResultsView } from '@/components/results/ResultsView';
import type { ChartConfig } from '@/lib/charts/config';
import { suggestChart } from '@/lib/charts/suggest';
import type { TabView } from '@/lib/console/tabs';
import type { EngineClient } from '@/lib/engine/client';
import { planSections } from '@/lib/console/plan';
import { PlanView } from './PlanView';
import { QueryErrorPanel } from './QueryErrorPanel';
import { ResultsViewSwitch } from './ResultsViewSwitch';
import type { RunState } from './useQueryRunner';

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

/** What the last run of the active tab produced: nothing yet, progress, an error, or rows as a table or a chart. */
export function ResultsArea({ state, engine = null, view = 'table', chart, onViewChange, onChartChange }: ResultsAreaProps): ReactNode {
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
      if (plan) {
        return (
          <>
            <QueryStatsBar stats={state.result.stats} />
            <PlanView sections={plan} />
          </>
        );
      }
      const rows = state.result.rows;
      const shown = chart ?? suggestChart(rows.columns, rows.rowCount);
      const switchView = (next: TabView): void => {
        // The suggestion becomes the tab's chart, so it is kept and saved like an edited one.
        if (next === 'chart' && !chart) onChartChange?.(shown);
        onViewChange?.(next);
      };
      return (
        <>
          {onViewChange ? <ResultsViewSwitch view={view} onChange={switchView} /> : null}
          {view === 'chart' ? (
            <>
              <QueryStatsBar stats={state.result.stats} />
              <ChartPanel result={rows} sql={state.sql} engine={engine} config={shown} onChange={(next) => onChartChange?.(next)} />
            </>
          ) : (
            <ResultsView result={state.result} sql={state.sql} engine={engine} />
          )}
        </>
      );
    }
  }
}
