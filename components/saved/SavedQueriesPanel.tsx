'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useSession } from '@/components/auth/SessionProvider';
import { mayWrite, ownerLabel } from '@/lib/store/ownership';
import { deleteSavedQuery, listSavedQueries, type SavedQuery } from '@/lib/saved-queries/api-client';

export interface SavedQueriesPanelProps {
  onOpen: (query: SavedQuery) => void;
}

/** Saved queries from the server: search, open in a new tab, see the owner, delete (owner or admin) with confirmation. */
export function SavedQueriesPanel({ onOpen }: SavedQueriesPanelProps): ReactNode {
  const [search, setSearch] = useState('');
  const [confirming, setConfirming] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const client = useQueryClient();
  const { user } = useSession();
  const list = useQuery({ queryKey: ['saved-queries', search], queryFn: () => listSavedQueries(search) });

  const remove = async (query: SavedQuery): Promise<void> => {
    try {
      await deleteSavedQuery(query.id, query.version);
      setFailure(null);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setConfirming(null);
      await client.invalidateQueries({ queryKey: ['saved-queries'] });
    }
  };

  return (
    <section className="saved" aria-label="Saved queries">
      <input
        type="search"
        aria-label="Search saved queries"
        placeholder="Search names, descriptions, tags"
        value={search}
        onChange={(event) => setSearch(event.target.value)}
      />
      {list.error ? (
        <p role="alert" className="error-text">
          {list.error.message}
        </p>
      ) : null}
      {failure ? (
        <p role="alert" className="error-text">
          {failure}
        </p>
      ) : null}
      {list.data?.problems.map((problem) => (
        <p key={problem} className="warning">
          Skipped a damaged saved query: {problem}
        </p>
      ))}
      <ul aria-label="Saved query list">
        {(list.data?.items ?? []).map((query) => (
          <li key={query.id}>
            <button type="button" className="history-open" onClick={() => onOpen(query)}>
              <strong>{query.name}</strong>
            </button>
            {query.description ? <span className="muted">{query.description}</span> : null}
            {query.tags.length > 0 ? <span className="muted">{query.tags.map((tag) => `#${tag}`).join(' ')}</span> : null}
            <span className="muted">{`Owner: ${ownerLabel(query)}`}</span>
            {confirming === query.id ? (
              <span>
                <button type="button" onClick={() => void remove(query)} aria-label={`Confirm deleting ${query.name}`}>
                  Confirm delete
                </button>{' '}
                <button type="button" onClick={() => setConfirming(null)}>
                  Keep
                </button>
              </span>
            ) : mayWrite(query, user) ? (
              <button type="button" onClick={() => setConfirming(query.id)} aria-label={`Delete ${query.name}`}>
                Delete
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {list.data && list.data.items.length === 0 ? <p className="muted">No saved queries{search ? ' match' : ' yet'}.</p> : null}
    </section>
  );
}
