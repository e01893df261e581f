/** How many tables SQL reads, and how many times it applies `scope()`: equal when every read is filtered. */

import { maskSqlLiterals } from '../sql/mask';

/** Counts, on the code only (no comments or literals), of table reads and of each half of `scope()`. */
export interface ScopeCounts {
  reads: number;
  clusterFilters: number;
  dayFilters: number;
}

/** See {@link ScopeCounts}. */
export function scopeCounts(sql: string): ScopeCounts {
  const code = maskSqlLiterals(sql);
  return {
    reads: [...code.matchAll(/\b(?:FROM|JOIN)\s+stl_\w+/g)].length,
    clusterFilters: [...code.matchAll(/clusterid IN \{\{clusters\}\}/g)].length,
    dayFilters: [...code.matchAll(/startdate BETWEEN \{\{days\.start\}\} AND \{\{days\.end\}\}/g)].length,
  };
}
