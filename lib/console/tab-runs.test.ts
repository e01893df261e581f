import { describe, expect, it } from 'vitest';
import type { QueryResult } from '../engine/client';
import { runStateOf, runningTabIds, tabRunsReducer, type TabRunAction, type TabRuns } from './tab-runs';

function result(rows: number): QueryResult {
  return { rows: { length: rows }, stats: { rows } } as unknown as QueryResult;
}

function apply(actions: TabRunAction[], start: TabRuns = {}): TabRuns {
  return actions.reduce(tabRunsReducer, start);
}

describe('tab runs', () => {
  it('keeps each tab’s result apart', () => {
    const a = result(1);
    const b = result(2);
    const runs = apply([
      { type: 'running', tabId: 'A', run: 1, sql: 'select 1', startedAt: 0 },
      { type: 'done', tabId: 'A', run: 1, sql: 'select 1', result: a },
      { type: 'running', tabId: 'B', run: 1, sql: 'select 2', startedAt: 5 },
      { type: 'done', tabId: 'B', run: 1, sql: 'select 2', result: b },
    ]);
    expect(runStateOf(runs, 'A')).toEqual({ status: 'done', sql: 'select 1', result: a });
    expect(runStateOf(runs, 'B')).toEqual({ status: 'done', sql: 'select 2', result: b });
    expect(runStateOf(runs, 'C')).toEqual({ status: 'idle' });
  });

  it('a background tab keeps running while another finishes, and says so', () => {
    const runs = apply([
      { type: 'running', tabId: 'A', run: 1, sql: 'slow', startedAt: 0, progress: 'statement 1 of 2' },
      { type: 'running', tabId: 'B', run: 1, sql: 'fast', startedAt: 1 },
      { type: 'done', tabId: 'B', run: 1, sql: 'fast', result: result(1) },
    ]);
    expect([...runningTabIds(runs)]).toEqual(['A']);
    expect(runStateOf(runs, 'A')).toEqual({ status: 'running', sql: 'slow', startedAt: 0, progress: 'statement 1 of 2' });
  });

  it('drops what a superseded run of the same tab reports', () => {
    const newer = result(2);
    const runs = apply([
      { type: 'running', tabId: 'A', run: 1, sql: 'old', startedAt: 0 },
      { type: 'running', tabId: 'A', run: 2, sql: 'new', startedAt: 1 },
      { type: 'done', tabId: 'A', run: 2, sql: 'new', result: newer },
      { type: 'error', tabId: 'A', run: 1, sql: 'old', error: { message: 'Query cancelled.', cancelled: true } },
    ]);
    expect(runStateOf(runs, 'A')).toEqual({ status: 'done', sql: 'new', result: newer });
  });

  it('forgets a closed tab', () => {
    const runs = apply([
      { type: 'running', tabId: 'A', run: 1, sql: 'x', startedAt: 0 },
      { type: 'forget', tabId: 'A' },
    ]);
    expect(runs).toEqual({});
    expect(runningTabIds(runs).size).toBe(0);
    expect(tabRunsReducer(runs, { type: 'forget', tabId: 'nobody' })).toBe(runs);
  });
});
