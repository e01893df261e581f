'use client';

import { useEffect, useState, type ReactNode } from 'react';
import type { EngineState } from '@/components/console/useEngine';
import type { DashboardTile } from '@/lib/dashboards/schema';

export interface TileProgressProps {
  tiles: readonly DashboardTile[];
  /** Each tile's last status: loading, done or error. */
  statuses: Record<string, string>;
  engine: EngineState;
}

/**
 * How many tiles are rendered, and the time from navigation start until the first
 * moment all of them were (the cold-start figure the issue asks for).
 */
export function TileProgress({ tiles, statuses, engine }: TileProgressProps): ReactNode {
  const settled = tiles.filter((tile) => statuses[tile.id] === 'done' || statuses[tile.id] === 'error').length;
  const failed = tiles.filter((tile) => statuses[tile.id] === 'error').length;
  const complete = tiles.length > 0 && settled === tiles.length;
  const [firstComplete, setFirstComplete] = useState<number | null>(null);
  useEffect(() => {
    if (complete && firstComplete === null) {
      // Measured once, in a timeout so the state change happens outside the effect body.
      const timer = setTimeout(() => setFirstComplete(performance.now()), 0);
      return () => clearTimeout(timer);
    }
  }, [complete, firstComplete]);
  if (engine.phase === 'failed') return <span role="alert">{`Engine failed to start: ${engine.message}`}</span>;
  if (engine.phase === 'catalog-error') return <span role="alert">{engine.message}</span>;
  const text = complete
    ? `All ${tiles.length} tiles rendered${failed > 0 ? ` (${failed} failed)` : ''}${firstComplete !== null ? ` in ${(firstComplete / 1000).toFixed(1)} s from page load` : ''}`
    : engine.phase === 'ready'
      ? `${settled} of ${tiles.length} tiles rendered`
      : `Starting the engine: ${'progress' in engine ? engine.progress : engine.phase}`;
  return (
    <span role="status" aria-label="Dashboard progress" className="muted">
      {text}
    </span>
  );
}
