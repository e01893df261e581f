'use client';

import { useEffect, useState, type ReactNode } from 'react';
import { formatDuration } from '@/lib/console/units';

export interface RunningStatusProps {
  /** `Date.now()` when the statement started. */
  startedAt: number;
  /** e.g. "statement 2 of 5" for a script. */
  progress?: string;
}

/** A running query with its elapsed time, ticking, so a long wait is never silent. */
export function RunningStatus({ startedAt, progress }: RunningStatusProps): ReactNode {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 250);
    return () => window.clearInterval(timer);
  }, []);
  return (
    <p role="status" aria-label="Query running" className="muted">
      Running{progress ? ` ${progress}` : ''}… <span className="elapsed">{formatDuration(Math.max(0, now - startedAt))}</span>
    </p>
  );
}
