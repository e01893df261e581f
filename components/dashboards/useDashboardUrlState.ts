'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
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
  const router = useRouter();
  const pathname = usePathname();
  const text = search.toString();
  const decoded = useMemo(() => decodeDashboardUrlState(new URLSearchParams(text)), [text]);
  const update = useCallback(
    (change: (state: DashboardUrlState) => DashboardUrlState) => {
      const next = change(decoded.state);
      router.replace(`${pathname}?${encodeDashboardUrlState(next).toString()}`, { scroll: false });
    },
    [decoded.state, router, pathname],
  );
  return { state: decoded.state, problems: decoded.problems, update };
}
