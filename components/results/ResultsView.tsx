'use client';

import type { ReactNode } from 'react';
import type { ResultFle } from '@/components/fle/useResultFle';
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
  /** The result's FLE state (protected columns, decrypted values). */
  fle: ResultFle;
}

/** A finished query: statistics and export above the grid. Its parent keys it by result, so each result starts fresh. */
export function ResultsView({ result, sql, engine, displayLimit, fle }: ResultsViewProps): ReactNode {
  return (
    <div className={styles.view}>
      <div className={styles.top}>
        <QueryStatsBar stats={result.stats} />
        <ExportControls engine={engine} sql={sql} />
      </div>
      <ResultsGrid rows={result.rows} fle={fle} displayLimit={displayLimit} />
    </div>
  );
}
