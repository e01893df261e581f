'use client';

import { useState, type ReactNode } from 'react';
import type { DecisionAction } from '@/lib/advisor/decisions';
import styles from './advisor.module.css';

export interface DecisionControlsProps {
  /** What the finding is called, for the controls' names. */
  name: string;
  /** The default end of a snooze (YYYY-MM-DD). */
  snoozeUntil: string;
  busy: boolean;
  onDecide: (action: DecisionAction, reason: string, until: string | null) => void;
}

/** Dismiss with a reason, or snooze until a day: what the team decided about one finding. */
export function DecisionControls({ name, snoozeUntil, busy, onDecide }: DecisionControlsProps): ReactNode {
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState(snoozeUntil);
  return (
    <div className={styles.decide} role="group" aria-label={`Decide on ${name}`}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (reason.trim()) onDecide('dismissed', reason.trim(), null);
        }}
      >
        <label>
          Reason <input value={reason} maxLength={500} onChange={(event) => setReason(event.target.value)} placeholder="why it needs no fix" />
        </label>
        <button type="submit" disabled={busy || reason.trim() === ''}>
          Dismiss
        </button>
      </form>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (until) onDecide('snoozed', reason.trim(), until);
        }}
      >
        <label>
          Snooze until <input type="date" value={until} onChange={(event) => setUntil(event.target.value)} />
        </label>
        <button type="submit" disabled={busy || until === ''}>
          Snooze
        </button>
      </form>
    </div>
  );
}
