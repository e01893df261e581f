'use client';

import type { ReactNode } from 'react';
import type { TabView } from '@/lib/console/tabs';

export interface ResultsViewSwitchProps {
  view: TabView;
  onChange: (view: TabView) => void;
}

/** Table or chart: how the active tab shows its result. */
export function ResultsViewSwitch({ view, onChange }: ResultsViewSwitchProps): ReactNode {
  return (
    <div className="panel-switch" role="group" aria-label="Results view">
      <button type="button" aria-pressed={view === 'table'} onClick={() => onChange('table')}>
        Table
      </button>
      <button type="button" aria-pressed={view === 'chart'} onClick={() => onChange('chart')}>
        Chart
      </button>
    </div>
  );
}
