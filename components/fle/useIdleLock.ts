'use client';

import { useEffect } from 'react';

/** Auto-lock after this long without keyboard or pointer activity. */
export const DEFAULT_IDLE_LOCK_MS = 15 * 60 * 1000;

/** Calls `onIdle` once the page has seen no input for `idleMs` while `active`. */
export function useIdleLock(active: boolean, onIdle: () => void, idleMs: number = DEFAULT_IDLE_LOCK_MS): void {
  useEffect(() => {
    if (!active) return;
    let last = Date.now();
    const touch = (): void => {
      last = Date.now();
    };
    const events = ['pointerdown', 'keydown', 'wheel'] as const;
    for (const name of events) window.addEventListener(name, touch, { passive: true });
    const timer = window.setInterval(
      () => {
        if (Date.now() - last >= idleMs) onIdle();
      },
      Math.min(30_000, idleMs),
    );
    return () => {
      for (const name of events) window.removeEventListener(name, touch);
      window.clearInterval(timer);
    };
  }, [active, onIdle, idleMs]);
}
