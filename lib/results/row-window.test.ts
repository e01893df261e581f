import { describe, expect, it } from 'vitest';
import { rowWindow, scrollTopToReveal } from './row-window';

const base = { rowHeight: 28, viewportHeight: 280, overscan: 2, maxContentHeight: 15_000_000 };

describe('rowWindow', () => {
  it('draws the rows on screen plus overscan, at their natural place', () => {
    expect(rowWindow({ ...base, rowCount: 1_000, scrollTop: 0 })).toEqual({ contentHeight: 28_000, first: 0, end: 12, firstTop: 0 });
    expect(rowWindow({ ...base, rowCount: 1_000, scrollTop: 280 })).toEqual({ contentHeight: 28_000, first: 8, end: 22, firstTop: 224 });
  });

  it('handles empty and short results', () => {
    expect(rowWindow({ ...base, rowCount: 0, scrollTop: 0 })).toEqual({ contentHeight: 0, first: 0, end: 0, firstTop: 0 });
    expect(rowWindow({ ...base, rowCount: 3, scrollTop: 50 })).toEqual({ contentHeight: 84, first: 0, end: 3, firstTop: 0 });
  });

  it('compresses a million rows into the height browsers allow and still reaches the last row', () => {
    const input = { ...base, rowCount: 1_000_000, maxContentHeight: 10_000_000 };
    const top = rowWindow({ ...input, scrollTop: 0 });
    expect(top.contentHeight).toBe(10_000_000);
    expect(top.first).toBe(0);
    const maxScroll = 10_000_000 - 280;
    const bottom = rowWindow({ ...input, scrollTop: maxScroll });
    expect(bottom.end).toBe(1_000_000);
    // The last row ends exactly at the bottom of the view.
    const lastTop = bottom.firstTop + (999_999 - bottom.first) * 28;
    expect(lastTop + 28).toBeCloseTo(maxScroll + 280, 6);
    const middle = rowWindow({ ...input, scrollTop: maxScroll / 2 });
    expect(middle.first + 2).toBeCloseTo((1_000_000 * 28 - 280) / 2 / 28, -1);
  });

  it('uncompressed at a million rows of 28 px when the cap allows it', () => {
    const window = rowWindow({ ...base, rowCount: 1_000_000, maxContentHeight: 30_000_000, scrollTop: 28_000_000 - 280 });
    expect(window.contentHeight).toBe(28_000_000);
    expect(window.end).toBe(1_000_000);
    expect(window.firstTop).toBe(window.first * 28);
  });
});

describe('scrollTopToReveal', () => {
  const input = { ...base, rowCount: 1_000 };
  it('moves as little as possible, and not at all when the row is in view', () => {
    expect(scrollTopToReveal(3, { ...input, scrollTop: 0 })).toBe(0);
    expect(scrollTopToReveal(10, { ...input, scrollTop: 0 })).toBe(28);
    expect(scrollTopToReveal(5, { ...input, scrollTop: 560 })).toBe(140);
    expect(scrollTopToReveal(999, { ...input, scrollTop: 0 })).toBe(28_000 - 280);
  });

  it('brings any row fully into view when compressed', () => {
    const big = { ...base, rowCount: 1_000_000, maxContentHeight: 10_000_000 };
    for (const [row, from] of [
      [999_999, 0],
      [0, 9_999_720],
      [500_000, 3],
      [123_457, 4_409_000],
    ] as const) {
      const scrollTop = scrollTopToReveal(row, { ...big, scrollTop: from });
      const window = rowWindow({ ...big, overscan: 0, scrollTop });
      const top = window.firstTop + (row - window.first) * 28;
      expect(top, `row ${row}`).toBeGreaterThanOrEqual(scrollTop - 1e-6);
      expect(top + 28, `row ${row}`).toBeLessThanOrEqual(scrollTop + 280 + 1e-6);
    }
  });
});
