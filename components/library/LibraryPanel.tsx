'use client';

import { useState, type ReactNode } from 'react';
import { LIBRARY } from '@/lib/library';
import type { LibraryQuery } from '@/lib/library/types';

export interface LibraryPanelProps {
  onOpen: (query: LibraryQuery) => void;
}

/** The built-in diagnostic queries; each opens in a new tab with its parameters. */
export function LibraryPanel({ onOpen }: LibraryPanelProps): ReactNode {
  const [search, setSearch] = useState('');
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = LIBRARY.filter((query) => {
    const text = `${query.title} ${query.description} ${query.tables.join(' ')}`.toLowerCase();
    return words.every((word) => text.includes(word));
  });
  return (
    <section className="library" aria-label="Diagnostic library">
      <input
        type="search"
        aria-label="Search the library"
        placeholder="Search diagnostics"
        value={search}
        onChange={(event) => setSearch(event.target.value)}
      />
      <ul aria-label="Diagnostic queries">
        {shown.map((query) => (
          <li key={query.id}>
            <details>
              <summary>{query.title}</summary>
              <p>{query.description}</p>
              <p className="muted">Reads {query.tables.join(', ')}</p>
            </details>
            <button type="button" onClick={() => onOpen(query)} aria-label={`Open ${query.title}`}>
              Open
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
