/**
 * The rest of a query's prefetch plan, fetched in windows as the query reaches
 * it. Fetching a fleet-wide plan all at once would overflow the worker's range
 * cache (its least recently used entries, the ones DuckDB reads first, would be
 * gone before DuckDB gets to them, and DuckDB would fetch them again), so only
 * the first window is fetched before the query runs. When DuckDB then misses
 * the cache on a range the plan holds, the worker fetches that part and the
 * ones planned after it, up to a window's bytes, in one synchronous batch:
 * one round trip per window instead of one per read.
 */
import type { PlannedPart } from './batches';

export class ReadAhead {
  private pending: PlannedPart[] = [];

  /** @param windowBytes most bytes fetched per window (a single larger part still goes alone). */
  constructor(readonly windowBytes: number) {}

  /** Parts not fetched yet. */
  get size(): number {
    return this.pending.length;
  }

  /** Starts a new plan (a new query's); returns its first window. */
  start(parts: readonly PlannedPart[]): PlannedPart[] {
    this.pending = [...parts];
    return this.takeFrom(0);
  }

  /** The window starting at the planned part that holds byte `start` of url; empty when the plan has none. */
  takeFor(url: string, start: number): PlannedPart[] {
    const at = this.pending.findIndex((item) => item.url === url && item.part.start <= start && item.part.end >= start);
    return at < 0 ? [] : this.takeFrom(at);
  }

  private takeFrom(at: number): PlannedPart[] {
    let bytes = 0;
    let until = at;
    while (until < this.pending.length) {
      const item = this.pending[until];
      if (!item) break;
      const length = item.part.end - item.part.start + 1;
      if (until > at && bytes + length > this.windowBytes) break;
      bytes += length;
      until++;
    }
    return this.pending.splice(at, until - at);
  }
}
