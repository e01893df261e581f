'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState, type ReactNode } from 'react';
import { useSession } from '@/components/auth/SessionProvider';
import { ChartBuilder } from '@/components/charts/ChartBuilder';
import { ChartView } from '@/components/charts/ChartView';
import { useModalDialog } from '@/components/console/useModalDialog';
import { suggestChart } from '@/lib/charts/suggest';
import type { ChartConfig } from '@/lib/charts/config';
import { withNewTile, type NewTile } from '@/lib/dashboards/add-tile';
import { createDashboard, dashboardContent, DashboardConflict, getDashboard, listDashboards, updateDashboard } from '@/lib/dashboards/api-client';
import type { Dashboard } from '@/lib/dashboards/schema';
import type { ResultSet } from '@/lib/engine/result-set';
import { mayWrite } from '@/lib/store/ownership';
import styles from './dashboards.module.css';

export interface AddToDashboardDialogProps {
  /** The console tab's query, without the chart (chosen here). */
  tile: Omit<NewTile, 'chart'>;
  /** The tab's last result, to build and preview the chart. */
  result: ResultSet;
  /** The chart the tab already has, if any; otherwise one is suggested from the result. */
  initialChart?: ChartConfig;
  onClose: () => void;
}

const NEW = '__new__';

/** Adds the stored tile, retrying once on top of a newer version so a concurrent edit is never overwritten. */
async function addToExisting(id: string, tile: NewTile): Promise<Dashboard> {
  const current = await getDashboard(id);
  try {
    return await updateDashboard(id, current.version, withNewTile(dashboardContent(current), tile));
  } catch (error) {
    if (!(error instanceof DashboardConflict)) throw error;
    return updateDashboard(id, error.current.version, withNewTile(dashboardContent(error.current), tile));
  }
}

/** Builds a chart from the console's result and adds it, with the query, as a tile to a new or existing dashboard. */
export function AddToDashboardDialog({ tile, result, initialChart, onClose }: AddToDashboardDialogProps): ReactNode {
  const dialog = useModalDialog(true);
  const dashboards = useQuery({ queryKey: ['dashboards', ''], queryFn: () => listDashboards('') });
  const { user } = useSession();
  const [chart, setChart] = useState<ChartConfig>(() => initialChart ?? suggestChart(result.columns, result.rowCount));
  const [title, setTitle] = useState(tile.title);
  const [target, setTarget] = useState(NEW);
  const [newName, setNewName] = useState('My dashboard');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState<Dashboard | null>(null);

  const add = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const full: NewTile = { ...tile, title: title.trim() || tile.title, chart };
      setAdded(target === NEW ? await createDashboard(withNewTile({ name: newName.trim() }, full)) : await addToExisting(target, full));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog ref={dialog} aria-labelledby="add-tile-title" onClose={onClose} className={styles.dialog}>
      <h2 id="add-tile-title">Add to dashboard</h2>
      <ChartBuilder config={chart} columns={result.columns} onChange={setChart} />
      <ChartView config={chart} result={result} height={240} />
      <form
        className={styles.filters}
        onSubmit={(event) => {
          event.preventDefault();
          void add();
        }}
      >
        <label>
          Tile title <input value={title} onChange={(event) => setTitle(event.target.value)} maxLength={200} required />
        </label>
        <label>
          Dashboard
          <select value={target} onChange={(event) => setTarget(event.target.value)}>
            <option value={NEW}>New dashboard…</option>
            {dashboards.data?.items
              .filter((dashboard) => mayWrite(dashboard, user))
              .map((dashboard) => (
                <option key={dashboard.id} value={dashboard.id}>
                  {dashboard.name}
                </option>
              ))}
          </select>
        </label>
        {target === NEW ? (
          <label>
            New dashboard name <input value={newName} onChange={(event) => setNewName(event.target.value)} maxLength={200} required />
          </label>
        ) : null}
        <button type="submit" className="primary" disabled={busy}>
          Add tile
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </form>
      {error ? (
        <div role="alert" className={styles.error}>
          {`Not added: ${error}`}
        </div>
      ) : null}
      {added ? (
        <p role="status">
          {`Added to "${added.name}". `}
          <Link href={`/dashboards/${encodeURIComponent(added.id)}`}>Open {added.name}</Link>
        </p>
      ) : null}
    </dialog>
  );
}
