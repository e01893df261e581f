'use client';

import type { ReactNode } from 'react';
import { Icon } from '@/components/icons/Icon';
import type { TabsState } from '@/lib/console/tabs';

export interface QueryTabsProps {
  state: TabsState;
  /** Tabs whose query is still running; a background tab shows it. */
  running: ReadonlySet<string>;
  onActivate: (id: string) => void;
  onClose: (id: string) => void;
  onNew: () => void;
}

/** The strip of query tabs. */
export function QueryTabs({ state, running, onActivate, onClose, onNew }: QueryTabsProps): ReactNode {
  return (
    <div className="query-tabs">
      <div role="tablist" aria-label="Query tabs">
        {state.tabs.map((tab) => {
          const selected = tab.id === state.activeId;
          return (
            <span key={tab.id} className={selected ? 'query-tab selected' : 'query-tab'}>
              <button type="button" role="tab" aria-selected={selected} onClick={() => onActivate(tab.id)} title={tab.sql.slice(0, 200)}>
                {tab.title}
              </button>
              {running.has(tab.id) ? <Icon name="running" label={`${tab.title}: query running`} className="spin" /> : null}
              <button type="button" className="close" aria-label={`Close ${tab.title}`} onClick={() => onClose(tab.id)}>
                ×
              </button>
            </span>
          );
        })}
      </div>
      <button type="button" className="new-tab" aria-label="New tab" title="New tab (Alt+N)" onClick={onNew}>
        +
      </button>
    </div>
  );
}
