'use client';

import { useCallback, useReducer, useRef } from 'react';
import type { HistoryEntry } from '@/lib/console/history';
import { errorInfo } from '@/lib/engine/errors';
import type { EngineClient, QueryOptions } from '@/lib/engine/client';
import { runStateOf, runningTabIds, tabRunsReducer, type RunState } from '@/lib/console/tab-runs';

type RunOptions = Pick<QueryOptions, 'trustedPartitionFilters'>;

export interface TabRunner {
  /** The run a tab shows: its own last result, error or progress. */
  stateOf: (tabId: string) => RunState;
  /** Tabs whose query is still running, shown on the tab strip. */
  running: ReadonlySet<string>;
  /**
   * Runs statements one after another in a tab, stopping at the first error; the tab
   * shows the last result. A new run in the same tab cancels the one before; runs in
   * other tabs go on (the engine takes them in turn).
   */
  runScript: (tabId: string, statements: string[], options?: RunOptions) => void;
  cancel: (tabId: string) => void;
  /** A closed tab: cancels its query and forgets its result. */
  forget: (tabId: string) => void;
}

interface Live {
  run: number;
  controller: AbortController;
}

/** Owns every tab's execution state. Every execution is reported to `onFinished` for the history. */
export function useTabRuns(engine: EngineClient | null, onFinished?: (entry: HistoryEntry) => void): TabRunner {
  const [runs, dispatch] = useReducer(tabRunsReducer, {});
  const live = useRef(new Map<string, Live>());
  const counter = useRef(0);

  const runScript = useCallback(
    (tabId: string, statements: string[], options: RunOptions = {}) => {
      if (!engine || statements.length === 0) return;
      live.current.get(tabId)?.controller.abort();
      const run = ++counter.current;
      const controller = new AbortController();
      live.current.set(tabId, { run, controller });
      const current = (): boolean => live.current.get(tabId)?.run === run;
      void (async () => {
        for (const [index, sql] of statements.entries()) {
          if (!current()) return;
          const startedAt = new Date();
          const progress = statements.length > 1 ? `statement ${index + 1} of ${statements.length}` : undefined;
          const started = performance.now();
          dispatch({ type: 'running', tabId, run, sql, startedAt: Date.now(), progress });
          try {
            const result = await engine.query(sql, { ...options, signal: controller.signal });
            const durationMs = performance.now() - started;
            onFinished?.({ id: crypto.randomUUID(), sql, startedAt: startedAt.toISOString(), durationMs, rows: result.stats.rows, status: 'success' });
            if (index === statements.length - 1 && current()) {
              live.current.delete(tabId);
              dispatch({ type: 'done', tabId, run, sql, result });
            }
          } catch (error) {
            const info = errorInfo(error);
            const durationMs = performance.now() - started;
            onFinished?.({
              id: crypto.randomUUID(),
              sql,
              startedAt: startedAt.toISOString(),
              durationMs,
              rows: null,
              status: info.cancelled ? 'cancelled' : 'error',
              error: info.message,
            });
            // A closed tab, or one that has started another run, no longer shows this one.
            if (!current()) return;
            live.current.delete(tabId);
            const where = statements.length > 1 ? ` (statement ${index + 1} of ${statements.length})` : '';
            dispatch({ type: 'error', tabId, run, sql, error: { ...info, message: info.message + where } });
            return;
          }
        }
      })();
    },
    [engine, onFinished],
  );

  const cancel = useCallback((tabId: string) => {
    live.current.get(tabId)?.controller.abort();
  }, []);

  const forget = useCallback((tabId: string) => {
    live.current.get(tabId)?.controller.abort();
    live.current.delete(tabId);
    dispatch({ type: 'forget', tabId });
  }, []);

  const stateOf = useCallback((tabId: string) => runStateOf(runs, tabId), [runs]);
  return { stateOf, running: runningTabIds(runs), runScript, cancel, forget };
}
