'use client';

import { useState, type ReactNode } from 'react';
import { searchHistory, type HistoryEntry } from '@/lib/console/history';
import { formatDuration } from '@/lib/console/units';

export interface HistoryPanelProps {
  history: HistoryEntry[];
  onOpen: (entry: HistoryEntry) => void;
}

/** Every execution, newest first; searchable; an entry opens in a new tab. */
export function HistoryPanel({ history, onOpen }: HistoryPanelProps): ReactNode {
  const [search, setSearch] = useState('');
  const shown = searchHistory(history, search);
  return (
    <section className="history" aria-label="History">
      <input type="search" aria-label="Search history" placeholder="Search SQL and errors" value={search} onChange={(event) => setSearch(event.target.value)} />
      <p className="muted">
        {shown.length} of {history.length} runs
      </p>
      <ul aria-label="Past runs">
        {shown.map((entry) => (
          <li key={entry.id} className={`history-entry ${entry.status}`}>
            <button type="button" className="history-open" onClick={() => onOpen(entry)} title="Open in a new tab">
              <code>{entry.sql.slice(0, 160)}</code>
            </button>
            <span className="muted">
              {entry.startedAt.slice(0, 19).replace('T', ' ')} UTC · {formatDuration(entry.durationMs)} ·{' '}
              {entry.status === 'success' ? `${(entry.rows ?? 0).toLocaleString('en-US')} rows` : entry.status}
            </span>
            {entry.error ? <span className="error-text">{entry.error.split('\n')[0]}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
