'use client';

import type { ReactNode } from 'react';
import { useModalDialog } from '@/components/console/useModalDialog';
import type { Dashboard } from '@/lib/dashboards/schema';
import { SHIPPED_DASHBOARDS } from '@/lib/dashboards/shipped';
import styles from './dashboards.module.css';

export interface DeleteDashboardDialogProps {
  dashboard: Dashboard;
  onConfirm: () => void;
  onClose: () => void;
}

/** Asks before a dashboard is deleted; a shipped one comes back in its original form. */
export function DeleteDashboardDialog({ dashboard, onConfirm, onClose }: DeleteDashboardDialogProps): ReactNode {
  const dialog = useModalDialog(true);
  return (
    <dialog ref={dialog} aria-labelledby="delete-dashboard-title" onClose={onClose} className={styles.dialog}>
      <h2 id="delete-dashboard-title">{`Delete "${dashboard.name}"?`}</h2>
      <p>
        {`Its ${dashboard.tiles.length} tiles and layout are deleted for everyone. Saved queries its tiles use are kept.`}
        {SHIPPED_DASHBOARDS.has(dashboard.id) ? ' This is a shipped dashboard: it comes back in its original form the next time the list is opened.' : ''}
      </p>
      <button type="button" className="primary" onClick={onConfirm}>
        Delete dashboard
      </button>{' '}
      <button type="button" onClick={onClose}>
        Keep it
      </button>
    </dialog>
  );
}
