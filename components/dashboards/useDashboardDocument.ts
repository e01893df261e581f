'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { dashboardContent, DashboardConflict, getDashboard, updateDashboard } from '@/lib/dashboards/api-client';
import type { Dashboard, DashboardTile } from '@/lib/dashboards/schema';

export interface DashboardDocument {
  /** The stored dashboard with the user's unsaved edits applied. */
  dashboard: Dashboard | null;
  loadError: string | null;
  dirty: boolean;
  saving: boolean;
  saveError: string | null;
  /** The newer version someone else saved, when our save was refused. */
  conflict: Dashboard | null;
  setTiles: (change: (tiles: DashboardTile[]) => DashboardTile[]) => void;
  save: (overwrite?: boolean) => Promise<void>;
  /** Drops the local edits and shows the stored version (after a conflict: theirs). */
  discard: () => void;
}

/** Loads a dashboard and keeps the user's layout and tile edits until they save. */
export function useDashboardDocument(id: string): DashboardDocument {
  const queryClient = useQueryClient();
  const stored = useQuery({ queryKey: ['dashboard', id], queryFn: () => getDashboard(id), retry: false, staleTime: Infinity });
  const [draft, setDraft] = useState<DashboardTile[] | null>(null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Dashboard | null>(null);
  const base = stored.data ?? null;
  const dashboard = useMemo(() => (base && draft ? { ...base, tiles: draft } : base), [base, draft]);

  const setTiles = useCallback((change: (tiles: DashboardTile[]) => DashboardTile[]) => setDraft((current) => change(current ?? base?.tiles ?? [])), [base]);

  const save = useCallback(
    async (overwrite = false) => {
      if (!dashboard) return;
      setSaving(true);
      setSaveError(null);
      try {
        // Overwriting after a conflict puts our tiles and layout (what this page edits) on top of
        // their version, so their name, description and filters survive too.
        const saved =
          overwrite && conflict
            ? await updateDashboard(dashboard.id, conflict.version, { ...dashboardContent(conflict), tiles: dashboard.tiles })
            : await updateDashboard(dashboard.id, dashboard.version, dashboardContent(dashboard));
        queryClient.setQueryData(['dashboard', id], saved);
        setDraft(null);
        setConflict(null);
      } catch (error) {
        if (error instanceof DashboardConflict) setConflict(error.current);
        else setSaveError(error instanceof Error ? error.message : String(error));
      } finally {
        setSaving(false);
      }
    },
    [dashboard, conflict, queryClient, id],
  );

  const discard = useCallback(() => {
    if (conflict) queryClient.setQueryData(['dashboard', id], conflict);
    setDraft(null);
    setConflict(null);
  }, [conflict, queryClient, id]);

  return {
    dashboard,
    loadError: stored.error ? stored.error.message : null,
    dirty: draft !== null,
    saving,
    saveError,
    conflict,
    setTiles,
    save,
    discard,
  };
}
