'use client';

import type { ReactNode } from 'react';
import type { EngineClient, QueryResult } from '@/lib/engine/client';
import { ExportControls } from './ExportControls';
import { QueryStatsBar } from './QueryStatsBar';
import { ResultsGrid } from './ResultsGrid';
import styles from './results.module.css';

export interface ResultsViewProps {
  result: QueryResult;
  /** The statement that produced `result`; export runs it again inside DuckDB. */
  sql: string;
  /** Needed to export; without it the export buttons are disabled. */
  engine: EngineClient | null;
  /** The most rows the grid shows (export always writes all of them). */
  displayLimit?: number;
}

const gridKeys = new WeakMap<object, number>();
let nextGridKey = 0;

/** A fresh grid (sort, filters, scroll) for every new result. */
function gridKey(result: QueryResult): number {
  let key = gridKeys.get(result);
  if (key === undefined) {
    key = nextGridKey++;
    gridKeys.set(result, key);
  }
  return key;
}

/** A finished query: statistics and export above the grid. */
export function ResultsView({ result, sql, engine, displayLimit }: ResultsViewProps): ReactNode {
  return (
    <div className={styles.view}>
      <div className={styles.top}>
        <QueryStatsBar stats={result.stats} />
        <ExportControls key={gridKey(result)} engine={engine} sql={sql} />
      </div>
      <ResultsGrid key={gridKey(result)} rows={result.rows} displayLimit={displayLimit} />
    </div>
  );
}
