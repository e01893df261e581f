'use client';

import { useState, type ReactNode } from 'react';
import type { ResultFle } from '@/components/fle/useResultFle';
import type { ChartConfig } from '@/lib/charts/config';
import { suggestChart } from '@/lib/charts/suggest';
import type { EngineClient } from '@/lib/engine/client';
import type { ResultSet } from '@/lib/engine/result-set';
import { withPlaintext } from '@/lib/fle/plaintext-result';
import { ChartBuilder } from './ChartBuilder';
import { ChartView } from './ChartView';
import styles from './charts.module.css';
import { useChartData } from './useChartData';

export interface ChartPanelProps {
  result: ResultSet;
  /** The statement that produced `result`; a big result is aggregated by running it again inside DuckDB. */
  sql: string;
  engine: EngineClient | null;
  config: ChartConfig;
  onChange: (config: ChartConfig) => void;
  /** The result's FLE state: with decrypted values, the admin may choose to chart them. */
  fle?: ResultFle;
}

/** The console's chart view of a result: the builder above the chart. */
export function ChartPanel({ result, sql, engine, config, onChange, fle }: ChartPanelProps): ReactNode {
  // An explicit choice each time: it is not saved with the tab or the chart.
  const [plaintext, setPlaintext] = useState(false);
  const decrypted = fle?.decryptedCount() ?? 0;
  const protectedCells = result.rowCount * (fle?.protectedColumns.filter(Boolean).length ?? 0);
  const charted = plaintext && fle !== undefined && decrypted > 0;
  // Cheap to rebuild each render, which also picks up values decrypted since the last one.
  const source = charted ? withPlaintext(result, fle.protectedColumns, fle.outcome) : result;
  // Plaintext exists only in this tab's memory, never in DuckDB: a big result is drawn from its first points instead.
  const data = useChartData(charted ? null : engine, sql, source, config);
  return (
    <div className={styles.panel}>
      <div className={styles.builder}>
        <ChartBuilder config={config} columns={result.columns} onChange={onChange} />
        <button type="button" onClick={() => onChange({ ...suggestChart(result.columns, result.rowCount), title: config.title })}>
          Suggest a chart
        </button>
        {decrypted > 0 ? (
          <label>
            <input type="checkbox" checked={plaintext} onChange={(event) => setPlaintext(event.target.checked)} /> Chart decrypted values (this tab only)
          </label>
        ) : null}
      </div>
      {charted ? (
        <p role="status" aria-label="Decrypted values in the chart" className="muted">
          Drawing {decrypted.toLocaleString('en-US')} decrypted of {protectedCells.toLocaleString('en-US')} protected values; the others are left out (empty).
          The plaintext stays in this tab.
        </p>
      ) : null}
      {data.status === 'aggregating' ? (
        <p role="status" className="muted">
          Aggregating {result.rowCount.toLocaleString('en-US')} rows for the chart…
        </p>
      ) : data.status === 'error' ? (
        <p role="alert" className={styles.message}>
          {data.message}
        </p>
      ) : (
        <ChartView config={data.config} result={data.result} />
      )}
    </div>
  );
}
