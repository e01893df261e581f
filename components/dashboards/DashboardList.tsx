'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState, type ReactNode } from 'react';
import { useSession } from '@/components/auth/SessionProvider';
import { hasRole } from '@/lib/auth/roles';
import { createDashboard, dashboardContent, deleteDashboard, duplicateDashboard, listDashboards, updateDashboard } from '@/lib/dashboards/api-client';
import { ThemeToggle } from '@/components/theme/ThemeToggle';
import type { Dashboard } from '@/lib/dashboards/schema';
import { mayWrite, ownerLabel } from '@/lib/store/ownership';
import { DeleteDashboardDialog } from './DeleteDashboardDialog';
import styles from './dashboards.module.css';
import { ImportDashboard } from './ImportDashboard';

/** The dashboard list: search, open, rename, duplicate, delete (confirmed), import and create. */
export function DashboardList(): ReactNode {
  const queryClient = useQueryClient();
  const { user } = useSession();
  const canCreate = user !== null && hasRole(user.role, 'analyst');
  const [search, setSearch] = useState('');
  const list = useQuery({ queryKey: ['dashboards', search], queryFn: () => listDashboards(search) });
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);
  const [deleting, setDeleting] = useState<Dashboard | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [newName, setNewName] = useState('');

  const act = async (action: () => Promise<unknown>): Promise<void> => {
    setError(null);
    try {
      await action();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
    await queryClient.invalidateQueries({ queryKey: ['dashboards'] });
  };
  const rename = (dashboard: Dashboard, name: string): Promise<void> =>
    act(async () => {
      await updateDashboard(dashboard.id, dashboard.version, { ...dashboardContent(dashboard), name });
      setRenaming(null);
    });

  return (
    <main className={styles.list}>
      <header className={styles.actions}>
        <h1>Dashboards</h1>
        <Link href="/">Console</Link>
        <ThemeToggle />
      </header>
      <form
        className={styles.actions}
        aria-label="New dashboard"
        onSubmit={(event) => {
          event.preventDefault();
          if (newName.trim()) void act(() => createDashboard({ name: newName.trim() }).then(() => setNewName('')));
        }}
      >
        <label>
          New dashboard name <input value={newName} onChange={(event) => setNewName(event.target.value)} maxLength={200} />
        </label>
        <button type="submit">Create</button>
        <ImportDashboard onImported={() => void queryClient.invalidateQueries({ queryKey: ['dashboards'] })} />
      </form>
      <label>
        Search dashboards <input type="search" value={search} onChange={(event) => setSearch(event.target.value)} />
      </label>
      {error ? (
        <div role="alert" className={styles.error}>
          {error}
        </div>
      ) : null}
      {list.error ? (
        <div role="alert" className={styles.error}>
          {list.error.message}
        </div>
      ) : null}
      {list.data?.problems.map((problem) => (
        <p key={problem} role="note" className={styles.notice}>
          {problem}
        </p>
      ))}
      <table aria-label="Dashboards">
        <thead>
          <tr>
            <th>Name</th>
            <th>Owner</th>
            <th>Tiles</th>
            <th>Updated</th>
            <th>Actions</th>
          </tr>
        </thead>
        <tbody>
          {list.data?.items.map((dashboard) => (
            <tr key={dashboard.id}>
              <td>
                {renaming?.id === dashboard.id ? (
                  <form
                    onSubmit={(event) => {
                      event.preventDefault();
                      void rename(dashboard, renaming.name);
                    }}
                  >
                    <input
                      aria-label={`New name for ${dashboard.name}`}
                      value={renaming.name}
                      onChange={(event) => setRenaming({ id: dashboard.id, name: event.target.value })}
                    />
                    <button type="submit">Save name</button>
                    <button type="button" onClick={() => setRenaming(null)}>
                      Cancel
                    </button>
                  </form>
                ) : (
                  <Link href={`/dashboards/${encodeURIComponent(dashboard.id)}`}>{dashboard.name}</Link>
                )}
              </td>
              <td>{ownerLabel(dashboard)}</td>
              <td>{dashboard.tiles.length}</td>
              <td>{dashboard.updatedAt.slice(0, 16).replace('T', ' ')} UTC</td>
              <td className={styles.actions}>
                {mayWrite(dashboard, user) ? (
                  <button type="button" aria-label={`Rename ${dashboard.name}`} onClick={() => setRenaming({ id: dashboard.id, name: dashboard.name })}>
                    Rename
                  </button>
                ) : null}
                {canCreate ? (
                  <button type="button" aria-label={`Duplicate ${dashboard.name}`} onClick={() => void act(() => duplicateDashboard(dashboard))}>
                    Duplicate
                  </button>
                ) : null}
                {mayWrite(dashboard, user) ? (
                  <button type="button" aria-label={`Delete ${dashboard.name}`} onClick={() => setDeleting(dashboard)}>
                    Delete
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {deleting ? (
        <DeleteDashboardDialog
          dashboard={deleting}
          onConfirm={() => void act(() => deleteDashboard(deleting.id, deleting.version)).then(() => setDeleting(null))}
          onClose={() => setDeleting(null)}
        />
      ) : null}
    </main>
  );
}
