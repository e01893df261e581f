/**
 * Each query tab's own run: what it is running, its last result or error. Plain
 * data and a reducer, so that "results belong to their tab" is tested without
 * React. A run is numbered per tab; anything a superseded run reports is dropped,
 * so a slow old query never overwrites the answer of a newer one in the same tab.
 */
import type { EngineErrorInfo } from '../engine/errors';
import type { QueryResult } from '../engine/client';

export type RunState =
  | { status: 'idle' }
  | { status: 'running'; sql: string; startedAt: number; progress?: string }
  | { status: 'done'; sql: string; result: QueryResult }
  | { status: 'error'; sql: string; error: EngineErrorInfo };

interface TabRun {
  /** Which run of the tab this state belongs to; later runs have larger numbers. */
  run: number;
  state: RunState;
}

/** Every tab's run, by tab id. Tabs that never ran have no entry. */
export type TabRuns = Readonly<Record<string, TabRun>>;

export type TabRunAction =
  | { type: 'running'; tabId: string; run: number; sql: string; startedAt: number; progress?: string }
  | { type: 'done'; tabId: string; run: number; sql: string; result: QueryResult }
  | { type: 'error'; tabId: string; run: number; sql: string; error: EngineErrorInfo }
  /** The tab was closed: its run is forgotten (and its query cancelled by the caller). */
  | { type: 'forget'; tabId: string };

const IDLE: RunState = { status: 'idle' };

export function tabRunsReducer(runs: TabRuns, action: TabRunAction): TabRuns {
  if (action.type === 'forget') {
    if (!(action.tabId in runs)) return runs;
    const rest = { ...runs };
    delete rest[action.tabId];
    return rest;
  }
  const current = runs[action.tabId];
  if (current && action.run < current.run) return runs;
  const state: RunState =
    action.type === 'running'
      ? { status: 'running', sql: action.sql, startedAt: action.startedAt, ...(action.progress ? { progress: action.progress } : {}) }
      : action.type === 'done'
        ? { status: 'done', sql: action.sql, result: action.result }
        : { status: 'error', sql: action.sql, error: action.error };
  return { ...runs, [action.tabId]: { run: action.run, state } };
}

/** The run state a tab shows: idle when it never ran. */
export function runStateOf(runs: TabRuns, tabId: string): RunState {
  return runs[tabId]?.state ?? IDLE;
}

/** The tabs whose query is still running, for the tab strip. */
export function runningTabIds(runs: TabRuns): ReadonlySet<string> {
  return new Set(Object.entries(runs).flatMap(([id, run]) => (run.state.status === 'running' ? [id] : [])));
}
