'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { fetchManifest } from '@/lib/catalog/fetch-manifest';
import { catalogFacts } from '@/lib/dashboards/catalog-facts';

export interface AutoRefresh {
  /** Re-reads the catalog now; new partitions restart the engine on them and re-run every tile. */
  refreshNow: () => void;
  refreshing: boolean;
  error: string | null;
}

/**
 * Re-reads the catalog every `minutes` (0 is off). Only a changed catalog is
 * handed to the engine: the tiles' cache is keyed by the catalog version, so
 * unchanged data is not queried again.
 */
export function useAutoRefresh(minutes: number, currentVersion: string): AutoRefresh {
  const queryClient = useQueryClient();
  const [refreshing, setRefreshing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const refreshNow = useCallback(() => {
    setRefreshing(true);
    fetchManifest(true)
      .then((manifest) => {
        setError(null);
        if (catalogFacts(manifest).version !== currentVersion) queryClient.setQueryData(['catalog'], manifest);
      })
      .catch((failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)))
      .finally(() => setRefreshing(false));
  }, [queryClient, currentVersion]);

  useEffect(() => {
    if (minutes <= 0) return;
    const timer = setInterval(refreshNow, minutes * 60_000);
    return () => clearInterval(timer);
  }, [minutes, refreshNow]);

  return { refreshNow, refreshing, error };
}
