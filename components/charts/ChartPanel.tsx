'use client';

import type { ReactNode } from 'react';
import type { ChartConfig } from '@/lib/charts/config';
import { suggestChart } from '@/lib/charts/suggest';
import type { EngineClient } from '@/lib/engine/client';
import type { ResultSet } from '@/lib/engine/result-set';
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
}

/** The console's chart view of a result: the builder above the chart. */
export function ChartPanel({ result, sql, engine, config, onChange }: ChartPanelProps): ReactNode {
  const data = useChartData(engine, sql, result, config);
  return (
    <div className={styles.panel}>
      <div className={styles.builder}>
        <ChartBuilder config={config} columns={result.columns} onChange={onChange} />
        <button type="button" onClick={() => onChange({ ...suggestChart(result.columns, result.rowCount), title: config.title })}>
          Suggest a chart
        </button>
      </div>
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
