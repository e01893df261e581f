/**
 * Per-column filters: a case-insensitive substring match on the text a cell
 * shows (so `null` finds NULLs and `2026-11` finds timestamps in November).
 * A filter's answer is a mask over result rows (1 = keep), so filters on
 * several columns combine cheaply and a sort never has to run again.
 */
import { displayText } from './display-text';
import type { ResultSet } from '../engine/result-set';

/** What the user typed, as matched: lower case. An empty needle filters nothing. */
export function normalizeNeedle(text: string): string {
  return text.toLowerCase();
}

/**
 * Marks the rows whose cell in `column` shows `needle` (already normalized).
 * With `within`, only rows it marks are tested: narrowing a filter (typing
 * one more character) then reads just the rows that still match.
 */
export function filterMask(rows: ResultSet, column: number, needle: string, within?: Uint8Array): Uint8Array {
  const mask = new Uint8Array(rows.rowCount);
  const kind = rows.columns[column]?.kind ?? 'other';
  for (let row = 0; row < rows.rowCount; row += 1) {
    if (within && within[row] === 0) continue;
    const text = displayText(rows.cell(row, column), kind);
    // Digits and most values have no upper case: skip the lowercasing copy when it cannot matter.
    const haystack = text === text.toLowerCase() ? text : text.toLowerCase();
    if (haystack.includes(needle)) mask[row] = 1;
  }
  return mask;
}

/** Whether `narrower` only ever keeps rows `wider` keeps, so `wider`'s mask can seed it. */
export function narrows(narrower: string, wider: string): boolean {
  return wider !== '' && narrower.includes(wider);
}

/**
 * The rows of `order` (or of 0‥rowCount-1 when null) that every mask keeps,
 * in that order. Returns `order` itself when there are no masks.
 */
export function applyMasks(order: Uint32Array | null, rowCount: number, masks: readonly Uint8Array[]): Uint32Array | null {
  if (masks.length === 0) return order;
  const kept = new Uint32Array(order ? order.length : rowCount);
  let count = 0;
  const length = order ? order.length : rowCount;
  for (let i = 0; i < length; i += 1) {
    const row = order ? order[i]! : i;
    let keep = true;
    for (const mask of masks) {
      if (mask[row] === 0) {
        keep = false;
        break;
      }
    }
    if (keep) kept[count++] = row;
  }
  return kept.slice(0, count);
}
