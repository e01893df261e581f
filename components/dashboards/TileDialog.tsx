'use client';

import type { ReactNode } from 'react';
import { useModalDialog } from '@/components/console/useModalDialog';
import styles from './dashboards.module.css';

export interface TileDialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
}

/** A modal over the dashboard for one tile: its SQL, or the tile in full screen. */
export function TileDialog({ title, onClose, children }: TileDialogProps): ReactNode {
  const dialog = useModalDialog(true);
  return (
    <dialog ref={dialog} aria-label={title} onClose={onClose} className={styles.dialog}>
      <h2>{title}</h2>
      {children}
      <button type="button" onClick={onClose}>
        Close
      </button>
    </dialog>
  );
}
