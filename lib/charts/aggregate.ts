/**
 * Combining the values that share a key (an X, a series, a heatmap cell). This
 * only ever runs on results already within the point cap: big results are
 * grouped by DuckDB first (see aggregate-sql.ts).
 */
import type { Aggregation } from './config';

/** Running totals for one key and one measure. */
export class Accumulator {
  private sum = 0;
  private count = 0;
  private min = Number.POSITIVE_INFINITY;
  private max = Number.NEGATIVE_INFINITY;
  private last: number | null = null;

  add(value: number | null): void {
    if (value === null) return;
    this.sum += value;
    this.count += 1;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
    this.last = value;
  }

  /** The combined value; `none` keeps the last row's value (the result had one row per key). */
  value(aggregation: Aggregation): number | null {
    if (aggregation === 'count') return this.count;
    if (this.count === 0) return null;
    switch (aggregation) {
      case 'none':
        return this.last;
      case 'sum':
        return this.sum;
      case 'avg':
        return this.sum / this.count;
      case 'min':
        return this.min;
      case 'max':
        return this.max;
    }
  }
}
