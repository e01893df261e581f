'use client';

import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { Icon } from '@/components/icons/Icon';
import { rovingIndex } from '@/lib/a11y/roving';
import type { TabsState } from '@/lib/console/tabs';

export interface QueryTabsProps {
  state: TabsState;
  /** Tabs whose query is still running; a background tab shows it. */
  running: ReadonlySet<string>;
  onActivate: (id: string) => void;
  onClose: (id: string) => void;
  onNew: () => void;
}

/**
 * The strip of query tabs, a WAI-ARIA tab list: only the active tab is in the
 * Tab order, and Left/Right (Home/End) activate the neighbouring tab.
 */
export function QueryTabs({ state, running, onActivate, onClose, onNew }: QueryTabsProps): ReactNode {
  const list = useRef<HTMLDivElement>(null);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if ((event.target as HTMLElement).getAttribute('role') !== 'tab') return;
    const current = state.tabs.findIndex((tab) => tab.id === state.activeId);
    const next = rovingIndex(event.key, current, state.tabs.length, 'horizontal');
    const target = next === null ? undefined : state.tabs[next];
    if (!target) return;
    event.preventDefault();
    onActivate(target.id);
    list.current?.querySelectorAll<HTMLElement>('[role="tab"]')[next ?? 0]?.focus();
  };
  return (
    <div className="query-tabs">
      <div ref={list} role="tablist" aria-label="Query tabs" onKeyDown={onKeyDown}>
        {state.tabs.map((tab) => {
          const selected = tab.id === state.activeId;
          return (
            <span key={tab.id} className={selected ? 'query-tab selected' : 'query-tab'}>
              <button
                type="button"
                role="tab"
                aria-selected={selected}
                tabIndex={selected ? 0 : -1}
                onClick={() => onActivate(tab.id)}
                title={tab.sql.slice(0, 200)}
              >
                {tab.title}
              </button>
              {running.has(tab.id) ? <Icon name="running" label={`${tab.title}: query running`} className="spin" /> : null}
              {/* Only the active tab's close button is a Tab stop; the arrows reach the others' tabs first. */}
              <button type="button" className="close" aria-label={`Close ${tab.title}`} tabIndex={selected ? 0 : -1} onClick={() => onClose(tab.id)}>
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
