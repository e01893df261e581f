/** Placing tiles in the 12-column grid. */
import { GRID_COLUMNS, type TileLayout } from './schema';

/** Where a new tile of `w`×`h` goes: below every existing tile, at the left edge. */
export function nextTileLayout(existing: readonly TileLayout[], w = 6, h = 8): TileLayout {
  const bottom = existing.reduce((max, layout) => Math.max(max, layout.y + layout.h), 0);
  return { x: 0, y: bottom, w: Math.min(w, GRID_COLUMNS), h };
}

/** A tile id not used by `existing`. */
export function newTileId(existing: readonly { id: string }[], random: () => string = () => crypto.randomUUID().slice(0, 8)): string {
  const taken = new Set(existing.map((tile) => tile.id));
  for (;;) {
    const id = `tile-${random()}`;
    if (!taken.has(id)) return id;
  }
}
