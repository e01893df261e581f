'use client';

import type { ReactNode } from 'react';
import { describeChanges } from '@/lib/catalog/catalog-state';
import { useCatalog } from './useCatalog';

function timeOf(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${date.toISOString().slice(11, 19)} UTC`;
}

/** When the catalog was last refreshed, what changed, what is down, and a button to refresh now. */
export function CatalogStatus(): ReactNode {
  const { state, refresh, refreshing, error } = useCatalog();
  if (!state) return null;
  const { status } = state;
  return (
    <section className="catalog-status" aria-label="Catalog status">
      <p role="status" aria-label="Catalog refresh" className="muted">
        Refreshed {timeOf(status.refreshedAt)} · {describeChanges(status.changes)}
        {status.pending ? ` · ${status.pending}…` : ''}
      </p>
      {status.sourceError ? (
        <p role="alert" className="error-text">
          {status.sourceError}
        </p>
      ) : null}
      {status.notices.map((notice) => (
        <p key={notice} role="note" className="notice">
          {notice}
        </p>
      ))}
      {error ? (
        <p role="alert" className="error-text">
          {error.message}
        </p>
      ) : null}
      <button type="button" onClick={() => void refresh().catch(() => undefined)} disabled={refreshing}>
        {refreshing ? 'Refreshing…' : 'Refresh catalog'}
      </button>
    </section>
  );
}
