'use client';

import type { ReactNode } from 'react';
import { ChartPanel } from '@/components/charts/ChartPanel';
import { useResultFle } from '@/components/fle/useResultFle';
import { QueryStatsBar } from '@/components/results/QueryStatsBar';
import { ResultsView } from '@/components/results/ResultsView';
import type { ChartConfig } from '@/lib/charts/config';
import { suggestChart } from '@/lib/charts/suggest';
import type { TabView } from '@/lib/console/tabs';
import type { EngineClient, QueryResult } from '@/lib/engine/client';
import { ResultsViewSwitch } from './ResultsViewSwitch';

export interface FinishedResultProps {
  result: QueryResult;
  sql: string;
  engine: EngineClient | null;
  view: TabView;
  chart?: ChartConfig;
  onViewChange?: (view: TabView) => void;
  onChartChange?: (chart: ChartConfig) => void;
}

/**
 * Rows as a table or a chart. Both views share one FLE state, so values
 * decrypted in the table survive a switch to the chart, which may draw them.
 * Keyed by result: a new result starts with nothing decrypted.
 */
export function FinishedResult({ result, sql, engine, view, chart, onViewChange, onChartChange }: FinishedResultProps): ReactNode {
  const rows = result.rows;
  const fle = useResultFle(rows);
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
          <QueryStatsBar stats={result.stats} />
          <ChartPanel result={rows} sql={sql} engine={engine} config={shown} fle={fle} onChange={(next) => onChartChange?.(next)} />
        </>
      ) : (
        <ResultsView result={result} sql={sql} engine={engine} fle={fle} />
      )}
    </>
  );
}
