'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { CATALOG_POLL_MS, CATALOG_RETRY_MS, nextCatalogState, type CatalogState } from '@/lib/catalog/catalog-state';
import { fetchManifest } from '@/lib/catalog/fetch-manifest';

const CATALOG_KEY = ['catalog'] as const;

/** The catalog state, polled (every 5 minutes, every 10 s while a source is down), with a manual refresh. */
export interface UseCatalog {
  state: CatalogState | undefined;
  error: Error | null;
  refresh: () => Promise<void>;
  refreshing: boolean;
}

/** Shared by the engine and the catalog status line; both read the same cached query. */
export function useCatalog(): UseCatalog {
  const client = useQueryClient();
  const [refreshing, setRefreshing] = useState(false);
  const load = useCallback(
    async (refresh: boolean): Promise<CatalogState> => nextCatalogState(client.getQueryData<CatalogState>(CATALOG_KEY), await fetchManifest(refresh)),
    [client],
  );
  const query = useQuery({
    queryKey: CATALOG_KEY,
    queryFn: () => load(false),
    staleTime: Infinity,
    retry: 1,
    refetchInterval: (current) => {
      const data = current.state.data;
      return data?.status.sourceError || data?.status.pending || current.state.error ? CATALOG_RETRY_MS : CATALOG_POLL_MS;
    },
  });
  const refresh = useCallback(async (): Promise<void> => {
    setRefreshing(true);
    try {
      client.setQueryData(CATALOG_KEY, await load(true));
    } finally {
      setRefreshing(false);
    }
  }, [client, load]);
  return { state: query.data, error: query.error, refresh, refreshing };
}
