import { describe, expect, it } from 'vitest';
import { addToHistory, parseHistory, searchHistory, type HistoryEntry } from './history';

function entry(sql: string, status: HistoryEntry['status'] = 'success', error?: string): HistoryEntry {
  return { id: sql, sql, startedAt: '2026-11-28T00:00:00.000Z', durationMs: 5, rows: 1, status, error };
}

describe('history', () => {
  it('adds newest first and caps', () => {
    let history: HistoryEntry[] = [];
    for (let index = 0; index < 7; index += 1) history = addToHistory(history, entry(`SELECT ${index}`), 5);
    expect(history.map((item) => item.sql)).toEqual(['SELECT 6', 'SELECT 5', 'SELECT 4', 'SELECT 3', 'SELECT 2']);
  });

  it('searches SQL, errors and status with every word', () => {
    const history = [entry('SELECT * FROM stl_scan'), entry('SELECT x FROM stl_query', 'error', 'Binder Error: x')];
    expect(searchHistory(history, 'stl_ binder').map((item) => item.sql)).toEqual(['SELECT x FROM stl_query']);
    expect(searchHistory(history, '  ')).toHaveLength(2);
  });

  it('drops malformed persisted entries', () => {
    expect(parseHistory([entry('ok'), { id: 1 }, null, { ...entry('bad'), status: 'weird' }])).toEqual([entry('ok')]);
    expect(parseHistory('nope')).toEqual([]);
  });
});
