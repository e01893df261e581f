/** The execution history: every run, newest first, capped and searchable. */

export type RunStatus = 'success' | 'error' | 'cancelled';

export interface HistoryEntry {
  id: string;
  sql: string;
  /** ISO 8601 UTC. */
  startedAt: string;
  durationMs: number;
  rows: number | null;
  status: RunStatus;
  error?: string;
}

/** Entries kept; older ones fall off. */
export const HISTORY_CAP = 500;

/** Adds an entry at the front, keeping at most `cap`. */
export function addToHistory(history: readonly HistoryEntry[], entry: HistoryEntry, cap = HISTORY_CAP): HistoryEntry[] {
  return [entry, ...history].slice(0, cap);
}

/** Entries whose SQL or error contains every word of the search, case-insensitively. */
export function searchHistory(history: readonly HistoryEntry[], search: string): HistoryEntry[] {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...history];
  return history.filter((entry) => {
    const haystack = `${entry.sql}\n${entry.error ?? ''}\n${entry.status}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

/** Checks persisted history (outside input); drops entries that are not well formed. */
export function parseHistory(value: unknown): HistoryEntry[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((raw): raw is HistoryEntry => {
      if (typeof raw !== 'object' || raw === null) return false;
      const entry = raw as Partial<HistoryEntry>;
      return (
        typeof entry.id === 'string' &&
        typeof entry.sql === 'string' &&
        typeof entry.startedAt === 'string' &&
        typeof entry.durationMs === 'number' &&
        (entry.rows === null || typeof entry.rows === 'number') &&
        (entry.status === 'success' || entry.status === 'error' || entry.status === 'cancelled')
      );
    })
    .slice(0, HISTORY_CAP);
}
