'use client';

import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { addToHistory, parseHistory, type HistoryEntry } from '@/lib/console/history';
import { openIndexedDbStore, resilientStore, type KeyValueStore } from '@/lib/console/local-store';
import { initialTabs, newTab, parseTabsState, tabsReducer, type TabsAction, type TabsState } from '@/lib/console/tabs';

const DB_NAME = 'clusterscope-console';
const SAVE_DELAY_MS = 300;

export interface ConsoleTabs {
  /** False until persisted tabs have been read; render the editor only after. */
  loaded: boolean;
  state: TabsState;
  dispatch: (action: TabsAction) => void;
  history: HistoryEntry[];
  record: (entry: HistoryEntry) => void;
  /** Set when tabs and history can only be kept in memory. */
  warning: string | null;
  /** Saves the tabs now (a run is a natural checkpoint). */
  flush: () => void;
}

/**
 * Tabs and history, kept in IndexedDB across reloads. A deep link's SQL
 * opens in a new tab next to the saved ones rather than replacing them.
 */
export function useConsoleTabs(linkSql: string | undefined, fallbackSql: () => string): ConsoleTabs {
  const [state, applyAction] = useReducer(tabsReducer, undefined, () => initialTabs(''));
  // Typing is saved on a throttle; a discrete change (a chart, a view, a new tab) is saved as soon as it renders,
  // so a reload right after it cannot lose it.
  const urgent = useRef(false);
  const dispatch = useCallback((action: TabsAction) => {
    if (action.type !== 'edit') urgent.current = true;
    applyAction(action);
  }, []);
  const [history, setHistory] = useState<HistoryEntry[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [warning, setWarning] = useState<string | null>(null);
  const store = useRef<KeyValueStore | null>(null);
  const fallback = useRef(fallbackSql);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const primary = await openIndexedDbStore(DB_NAME).catch((error: unknown) => {
        setWarning(`Tabs and history are kept in memory only: ${error instanceof Error ? error.message : String(error)}.`);
        return null;
      });
      const kv = resilientStore(primary, setWarning);
      store.current = kv;
      const [savedTabs, savedHistory] = await Promise.all([kv.get('tabs'), kv.get('history')]);
      if (cancelled) return;
      const restored = parseTabsState(savedTabs);
      let next: TabsState = restored ?? initialTabs(linkSql ?? fallback.current());
      if (restored && linkSql !== undefined) next = tabsReducer(restored, { type: 'open', tab: newTab(linkSql, 'Linked query') });
      applyAction({ type: 'load', state: next });
      setHistory(parseHistory(savedHistory));
      setLoaded(true);
    })();
    return () => {
      cancelled = true;
    };
  }, [linkSql]);

  const latest = useRef(state);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    if (!loaded) return;
    latest.current = state;
    if (urgent.current) {
      urgent.current = false;
      if (pending.current) clearTimeout(pending.current);
      pending.current = null;
      void store.current?.set('tabs', state);
      return;
    }
    // Throttled, not debounced: typing without pause must still be saved every
    // SAVE_DELAY_MS, because a write started while the page unloads is lost.
    pending.current ??= setTimeout(() => {
      pending.current = null;
      void store.current?.set('tabs', latest.current);
    }, SAVE_DELAY_MS);
  }, [state, loaded]);

  const record = useCallback((entry: HistoryEntry) => {
    setHistory((current) => {
      const next = addToHistory(current, entry);
      void store.current?.set('history', next);
      return next;
    });
  }, []);

  const flush = useCallback(() => {
    if (pending.current) clearTimeout(pending.current);
    pending.current = null;
    void store.current?.set('tabs', latest.current);
  }, []);

  return { loaded, state, dispatch, history, record, warning, flush };
}
