/**
 * Filter masks of one result, remembered for a while: clearing a filter and
 * typing it again costs nothing, and a longer needle starts from the mask of
 * a shorter one it contains (only rows that matched before can match now).
 */
import type { ResultSet } from '../engine/result-set';
import { filterMask, narrows } from './filter';

interface Entry {
  column: number;
  needle: string;
  mask: Uint8Array;
}

export class MaskCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    readonly rows: ResultSet,
    private readonly capacity = 12,
  ) {}

  /** The mask of rows whose `column` shows `needle` (normalized). */
  mask(column: number, needle: string): Uint8Array {
    const key = `${column}\u0000${needle}`;
    let entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
    } else {
      entry = { column, needle, mask: filterMask(this.rows, column, needle, this.seedFor(column, needle)) };
      if (this.entries.size >= this.capacity) {
        const oldest = this.entries.keys().next();
        if (!oldest.done) this.entries.delete(oldest.value);
      }
    }
    // Re-inserted last: the Map's order is least recently used first.
    this.entries.set(key, entry);
    return entry.mask;
  }

  private seedFor(column: number, needle: string): Uint8Array | undefined {
    let seed: Entry | undefined;
    for (const entry of this.entries.values()) {
      if (entry.column !== column || !narrows(needle, entry.needle)) continue;
      if (!seed || entry.needle.length > seed.needle.length) seed = entry;
    }
    return seed?.mask;
  }
}
