'use client';

import { useRouter } from 'next/navigation';
import { useState, type ReactNode } from 'react';
import { duplicateDashboard } from '@/lib/dashboards/api-client';
import type { Dashboard } from '@/lib/dashboards/schema';
import styles from './dashboards.module.css';

/** Makes an editable copy of the dashboard, owned by the user, and opens it. */
export function DuplicateDashboardButton({ dashboard }: { dashboard: Dashboard }): ReactNode {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const duplicate = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const copy = await duplicateDashboard(dashboard);
      router.push(`/dashboards/${encodeURIComponent(copy.id)}`);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" disabled={busy} onClick={() => void duplicate()}>
        {busy ? 'Duplicating…' : 'Duplicate'}
      </button>
      {error ? (
        <span role="alert" className={styles.error}>
          {`Not duplicated: ${error}`}
        </span>
      ) : null}
    </>
  );
}
