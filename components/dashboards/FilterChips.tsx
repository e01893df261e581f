'use client';

import type { ReactNode } from 'react';
import type { DashboardUrlState } from '@/lib/dashboards/url-state';
import styles from './dashboards.module.css';

export interface FilterChipsProps {
  state: DashboardUrlState;
  onChange: (change: (state: DashboardUrlState) => DashboardUrlState) => void;
}

interface Chip {
  key: string;
  label: string;
  remove: (state: DashboardUrlState) => DashboardUrlState;
}

function chipsOf(state: DashboardUrlState): Chip[] {
  const chips: Chip[] = [];
  if (state.clusters) chips.push({ key: 'clusters', label: `Clusters: ${state.clusters.join(', ')}`, remove: (s) => ({ ...s, clusters: undefined }) });
  if (state.days) chips.push({ key: 'days', label: `Days: ${state.days.start} to ${state.days.end}`, remove: (s) => ({ ...s, days: undefined }) });
  for (const name of Object.keys(state.params)) {
    chips.push({
      key: `p.${name}`,
      label: `${name}: ${state.params[name]}`,
      remove: (s) => ({ ...s, params: Object.fromEntries(Object.entries(s.params).filter(([key]) => key !== name)) }),
    });
  }
  state.crossFilters.forEach((filter, index) => {
    chips.push({
      key: `x.${index}`,
      label: `${filter.column} = ${filter.value === null ? 'null' : String(filter.value)}`,
      remove: (s) => ({ ...s, crossFilters: s.crossFilters.filter((_, at) => at !== index) }),
    });
  });
  return chips;
}

/** The filters that differ from the dashboard's defaults, each removable. */
export function FilterChips({ state, onChange }: FilterChipsProps): ReactNode {
  const chips = chipsOf(state);
  if (chips.length === 0) return null;
  return (
    <ul className={styles.chips} aria-label="Active filters">
      {chips.map((chip) => (
        <li key={chip.key} className={styles.chip}>
          {chip.label}
          <button type="button" aria-label={`Remove filter ${chip.label}`} onClick={() => onChange(chip.remove)}>
            ×
          </button>
        </li>
      ))}
      <li>
        <button type="button" onClick={() => onChange((s) => ({ params: {}, crossFilters: [], refresh: s.refresh }))}>
          Clear all filters
        </button>
      </li>
    </ul>
  );
}
