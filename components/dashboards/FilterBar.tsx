'use client';

import type { ReactNode } from 'react';
import type { CatalogFacts } from '@/lib/dashboards/catalog-facts';
import type { FilterValues } from '@/lib/dashboards/filter-binding';
import type { DashboardFilters } from '@/lib/dashboards/schema';
import { REFRESH_MINUTES, type RefreshMinutes } from '@/lib/dashboards/url-state';
import styles from './dashboards.module.css';

export interface FilterBarProps {
  facts: CatalogFacts;
  filters: DashboardFilters;
  values: FilterValues;
  refresh: RefreshMinutes;
  onClusters: (clusters: string[]) => void;
  onDays: (days: { start: string; end: string }) => void;
  onParam: (name: string, value: string) => void;
  onRefresh: (minutes: RefreshMinutes) => void;
}

/** The dashboard's filters: clusters and days from the catalog, the free parameters, and auto-refresh. */
export function FilterBar({ facts, filters, values, refresh, onClusters, onDays, onParam, onRefresh }: FilterBarProps): ReactNode {
  const selected = new Set(values.clusters);
  const toggle = (cluster: string, on: boolean): void => {
    const next = facts.clusters.filter((candidate) => (candidate === cluster ? on : selected.has(candidate)));
    if (next.length > 0) onClusters(next);
  };
  return (
    <form className={styles.filters} aria-label="Dashboard filters" onSubmit={(event) => event.preventDefault()}>
      <fieldset>
        <legend>Clusters</legend>
        {facts.clusters.map((cluster) => (
          <label key={cluster}>
            <input type="checkbox" checked={selected.has(cluster)} onChange={(event) => toggle(cluster, event.target.checked)} />
            {cluster}
          </label>
        ))}
      </fieldset>
      <label>
        From
        <input
          type="date"
          value={values.days.start}
          min={facts.days[0]}
          max={values.days.end}
          onChange={(event) => event.target.value && onDays({ start: event.target.value, end: values.days.end })}
        />
      </label>
      <label>
        To
        <input
          type="date"
          value={values.days.end}
          min={values.days.start}
          max={facts.days.at(-1)}
          onChange={(event) => event.target.value && onDays({ start: values.days.start, end: event.target.value })}
        />
      </label>
      {filters.parameters.map((parameter) => (
        <label key={parameter.name}>
          {parameter.label ?? parameter.name}
          {parameter.type === 'select' ? (
            <select value={String(values.params[parameter.name] ?? '')} onChange={(event) => onParam(parameter.name, event.target.value)}>
              {parameter.options.map((option) => (
                <option key={option}>{option}</option>
              ))}
            </select>
          ) : (
            <input
              type={parameter.type === 'number' ? 'number' : 'text'}
              step="any"
              defaultValue={String(values.params[parameter.name] ?? '')}
              onBlur={(event) => onParam(parameter.name, event.target.value)}
              onKeyDown={(event) => event.key === 'Enter' && onParam(parameter.name, event.currentTarget.value)}
            />
          )}
        </label>
      ))}
      <label>
        Auto-refresh
        <select value={refresh} onChange={(event) => onRefresh(Number(event.target.value) as RefreshMinutes)}>
          {REFRESH_MINUTES.map((minutes) => (
            <option key={minutes} value={minutes}>
              {minutes === 0 ? 'Off' : `Every ${minutes} min`}
            </option>
          ))}
        </select>
      </label>
    </form>
  );
}
