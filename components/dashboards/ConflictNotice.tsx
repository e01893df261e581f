'use client';

import type { ReactNode } from 'react';
import type { Dashboard } from '@/lib/dashboards/schema';
import styles from './dashboards.module.css';

export interface ConflictNoticeProps {
  mine: Dashboard;
  theirs: Dashboard;
  onOverwrite: () => void;
  onDiscard: () => void;
}

/** A save refused because someone saved first: nothing was lost, and the user picks which version wins. */
export function ConflictNotice({ mine, theirs, onOverwrite, onDiscard }: ConflictNoticeProps): ReactNode {
  return (
    <div role="alert" className={styles.error}>
      <strong>Not saved: someone else changed this dashboard.</strong> You edited version {mine.version}; it is now at version {theirs.version} (
      {theirs.tiles.length} tiles, saved {theirs.updatedAt}). Your changes are still on screen.{' '}
      <button type="button" onClick={onOverwrite}>
        Save my tiles on top of theirs
      </button>{' '}
      <button type="button" onClick={onDiscard}>
        Discard mine and show theirs
      </button>
    </div>
  );
}
