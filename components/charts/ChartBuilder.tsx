'use client';

import type { ReactNode } from 'react';
import { AGGREGATIONS, CHART_TYPES, VALUE_FORMATS, type Aggregation, type ChartConfig, type ChartType, type ValueFormat } from '@/lib/charts/config';
import { CHART_REGISTRY, withType } from '@/lib/charts/registry';
import type { ResultColumn } from '@/lib/engine/result-set';
import { CHART_VIEWS } from './chart-views';
import styles from './charts.module.css';
import { ColumnSelect } from './ColumnSelect';
import { MeasureSelect } from './MeasureSelect';

export interface ChartBuilderProps {
  config: ChartConfig;
  columns: readonly ResultColumn[];
  onChange: (config: ChartConfig) => void;
}

const FORMAT_LABELS: Record<ValueFormat, string> = {
  auto: 'Automatic (from the column name)',
  number: 'Number',
  percent: 'Percent (of a ratio)',
  'duration-us': 'Duration in µs',
  'duration-ms': 'Duration in ms',
  'duration-s': 'Duration in s',
  bytes: 'Bytes',
};

/** The chart editor: type, title, X, measures, series, aggregation, format, and the options of the chosen type. */
export function ChartBuilder({ config, columns, onChange }: ChartBuilderProps): ReactNode {
  const { Editor } = CHART_VIEWS[config.type];
  return (
    <form className={styles.builder} aria-label="Chart settings" onSubmit={(event) => event.preventDefault()}>
      <label>
        Chart type
        <select value={config.type} onChange={(event) => onChange(withType(config, event.target.value as ChartType))}>
          {CHART_TYPES.map((type) => (
            <option key={type} value={type}>
              {CHART_REGISTRY[type].label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Title
        <input type="text" value={config.title ?? ''} maxLength={200} onChange={(event) => onChange({ ...config, title: event.target.value || undefined })} />
      </label>
      <ColumnSelect label="X" value={config.x} columns={columns} none="None" onChange={(x) => onChange({ ...config, x })} />
      <MeasureSelect
        value={config.measures}
        columns={columns}
        anyColumn={config.aggregation === 'count'}
        onChange={(measures) => onChange({ ...config, measures })}
      />
      {config.type === 'kpi' || config.type === 'heatmap' ? null : (
        <ColumnSelect label="Series (colour by)" value={config.series} columns={columns} none="None" onChange={(series) => onChange({ ...config, series })} />
      )}
      <label>
        Aggregation
        <select value={config.aggregation} onChange={(event) => onChange({ ...config, aggregation: event.target.value as Aggregation })}>
          {AGGREGATIONS.map((aggregation) => (
            <option key={aggregation} value={aggregation}>
              {aggregation === 'none' ? 'None (one row per point)' : aggregation}
            </option>
          ))}
        </select>
      </label>
      <label>
        Format
        <select value={config.format} onChange={(event) => onChange({ ...config, format: event.target.value as ValueFormat })}>
          {VALUE_FORMATS.map((format) => (
            <option key={format} value={format}>
              {FORMAT_LABELS[format]}
            </option>
          ))}
        </select>
      </label>
      {Editor ? <Editor config={config} columns={columns} onChange={onChange} /> : null}
    </form>
  );
}
