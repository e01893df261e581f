'use client';

import { useEffect } from 'react';
import { installBenchHook } from '@/lib/bench/hook';
import type { EngineState } from './useEngine';

/** Exposes the engine to `npm run bench` when the server enabled the hook (see lib/bench/hook.ts). */
export function useBenchHook(enabled: boolean, state: EngineState): void {
  const engine = state.phase === 'ready' ? state.engine : null;
  const readyMs = state.phase === 'ready' ? state.readyMs : 0;
  useEffect(() => {
    if (!enabled || !engine) return;
    return installBenchHook(window as unknown as Record<string, unknown>, engine, readyMs);
  }, [enabled, engine, readyMs]);
}
