'use client';

import { useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import { decodeDashboardUrlState, encodeDashboardUrlState, type DashboardUrlState } from '@/lib/dashboards/url-state';

export interface UrlStateHandle {
  state: DashboardUrlState;
  /** Parts of the address that were ignored, for a notice. */
  problems: string[];
  /** Replaces the view state in the address bar (no new history entry per click). */
  update: (change: (state: DashboardUrlState) => DashboardUrlState) => void;
}

/** The dashboard's filters, cross-filters and refresh interval, kept in the URL. */
export function useDashboardUrlState(): UrlStateHandle {
  const search = useSearchParams();
  const text = search.toString();
  const decoded = useMemo(() => decodeDashboardUrlState(new URLSearchParams(text)), [text]);
  const update = useCallback((change: (state: DashboardUrlState) => DashboardUrlState) => {
    // Read the address itself, so two changes before a re-render both count.
    const current = decodeDashboardUrlState(new URLSearchParams(window.location.search)).state;
    const next = change(current);
    // Next's router syncs useSearchParams with the native History API; unlike router.replace,
    // this needs no server round trip, so a checkbox follows the click at once. The state must
    // be null: Next treats a call carrying its own history state as internal and skips the sync.
    window.history.replaceState(null, '', `${window.location.pathname}?${encodeDashboardUrlState(next).toString()}`);
  }, []);
  return { state: decoded.state, problems: decoded.problems, update };
}
