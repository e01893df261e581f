'use client';

import { useCallback, useMemo, type ReactNode } from 'react';
import GridLayout, { useContainerWidth, type Layout } from 'react-grid-layout';
import 'react-grid-layout/css/styles.css';
import type { ChartSelection } from '@/components/charts/ChartView';
import { GRID_COLUMNS, type DashboardTile } from '@/lib/dashboards/schema';
import styles from './dashboards.module.css';
import { TileCard } from './TileCard';
import type { TileContext } from './useTileResult';

export interface DashboardGridProps {
  tiles: readonly DashboardTile[];
  context: TileContext;
  onTilesChange: (change: (tiles: DashboardTile[]) => DashboardTile[]) => void;
  onSelect: (selection: ChartSelection) => void;
  /** Each tile reports its status (loading, done, error) for the progress line. */
  onStatus: (tileId: string, status: string) => void;
  /** Whether the user may change this dashboard: tiles move, resize and can be removed only then. */
  editable: boolean;
}

const ROW_HEIGHT = 40;
const MARGIN = 10;
/** Header and footer of a tile, taken off its height to size the chart. */
const TILE_CHROME = 64;

/** The tiles in a 12-column grid; dragging a tile's header moves it, its corner resizes it. */
export function DashboardGrid({ tiles, context, onTilesChange, onSelect, onStatus, editable }: DashboardGridProps): ReactNode {
  const { width, containerRef, mounted } = useContainerWidth();
  const layout = useMemo<Layout>(() => tiles.map((tile) => ({ i: tile.id, ...tile.layout, minW: 2, minH: 3 })), [tiles]);
  const applyLayout = useCallback(
    (next: Layout) => {
      const byId = new Map(next.map((item) => [item.i, item]));
      onTilesChange((current) =>
        current.map((tile) => {
          const item = byId.get(tile.id);
          if (!item) return tile;
          const moved = { x: item.x, y: item.y, w: item.w, h: item.h };
          const same = moved.x === tile.layout.x && moved.y === tile.layout.y && moved.w === tile.layout.w && moved.h === tile.layout.h;
          return same ? tile : { ...tile, layout: moved };
        }),
      );
    },
    [onTilesChange],
  );

  return (
    <div ref={containerRef} className={styles.grid}>
      {mounted ? (
        <GridLayout
          width={width}
          layout={layout}
          gridConfig={{ cols: GRID_COLUMNS, rowHeight: ROW_HEIGHT, margin: [MARGIN, MARGIN] }}
          dragConfig={{ enabled: editable, handle: '.tile-drag-handle', cancel: 'button, a, [role=menu]' }}
          resizeConfig={{ enabled: editable }}
          onDragStop={(next) => applyLayout(next)}
          onResizeStop={(next) => applyLayout(next)}
        >
          {tiles.map((tile) => (
            <div key={tile.id}>
              <TileCard
                tile={tile}
                context={context}
                bodyHeight={tile.layout.h * ROW_HEIGHT + (tile.layout.h - 1) * MARGIN - TILE_CHROME}
                onSelect={onSelect}
                onStatus={onStatus}
                onRemove={editable ? () => onTilesChange((current) => current.filter((candidate) => candidate.id !== tile.id)) : undefined}
                onKeepSnapshot={
                  editable
                    ? () =>
                        onTilesChange((current) =>
                          current.map((candidate) =>
                            candidate.id === tile.id ? { ...candidate, source: { kind: 'sql', sql: candidate.source.sql } } : candidate,
                          ),
                        )
                    : undefined
                }
              />
            </div>
          ))}
        </GridLayout>
      ) : null}
    </div>
  );
}
