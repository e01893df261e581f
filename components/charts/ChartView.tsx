'use client';

import { useMemo, type ReactNode } from 'react';
import type { ChartConfig, ChartType } from '@/lib/charts/config';
import { CHART_REGISTRY, chartName } from '@/lib/charts/registry';
import type { PointCap } from '@/lib/charts/types';
import type { ResultSet } from '@/lib/engine/result-set';
import { CHART_VIEWS } from './chart-views';
import styles from './charts.module.css';
import type { ChartSelection } from './renderer-props';

export type { ChartSelection };

export interface ChartViewProps {
  config: ChartConfig;
  result: ResultSet;
  /** Called with the category column and value when a bar or a pie slice is clicked. */
  onSelect?: (selection: ChartSelection) => void;
  /** Height of the drawing in pixels. */
  height?: number;
}

const DEFAULT_HEIGHT = 320;

interface Drawn {
  node: ReactNode;
  cap: PointCap | null;
  hiddenSeries: number;
}

/** Shapes with the registry entry of the type and draws with its renderer; the generic keeps data and renderer paired. */
function draw<T extends ChartType>(
  type: T,
  config: ChartConfig,
  result: ResultSet,
  height: number,
  onSelect?: (selection: ChartSelection) => void,
): Drawn | string {
  const shaped = CHART_REGISTRY[type].toSeries(config, result);
  if (!shaped.ok) return shaped.message;
  const { Renderer } = CHART_VIEWS[type];
  const data = shaped.data;
  const hiddenSeries = 'hiddenSeries' in data ? data.hiddenSeries : 0;
  return { node: <Renderer data={data} config={config} name={chartName(config)} height={height} onSelect={onSelect} />, cap: data.cap, hiddenSeries };
}

/**
 * A chart of a result. A configuration the result cannot satisfy (a column it
 * lacks, a text measure) shows a message instead of throwing, and a chart that
 * shows fewer points than the data has says so.
 */
export function ChartView({ config, result, onSelect, height = DEFAULT_HEIGHT }: ChartViewProps): ReactNode {
  const drawn = useMemo(() => draw(config.type, config, result, height, onSelect), [config, result, height, onSelect]);
  if (typeof drawn === 'string') {
    return (
      // A status, not an alert: the query itself succeeded, only this chart cannot use its result.
      <p role="status" className={styles.message}>
        {`Cannot draw this chart: ${drawn}`}
      </p>
    );
  }
  return (
    <figure className={styles.view} aria-label={chartName(config)}>
      {drawn.node}
      {drawn.cap ? (
        <p role="note" className={styles.notice}>
          {`Showing first ${drawn.cap.shown.toLocaleString('en-US')} of ${drawn.cap.total.toLocaleString('en-US')} points`}
        </p>
      ) : null}
      {drawn.hiddenSeries > 0 ? (
        <p role="note" className={styles.notice}>
          {`${drawn.hiddenSeries.toLocaleString('en-US')} more series not drawn`}
        </p>
      ) : null}
    </figure>
  );
}
