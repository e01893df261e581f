/**
 * Which rows of a fixed-row-height grid are on screen. Pure arithmetic, so
 * a million rows cost nothing until shown. Browsers cap an element's height
 * (about 17.9 million px in Firefox, 33.5 million in Chromium); past
 * `maxContentHeight` the scroll range is compressed and mapped onto the rows,
 * so the last row can always be reached.
 */

export interface RowWindowInput {
  rowCount: number;
  rowHeight: number;
  /** Height of the area rows scroll through (the viewport minus a sticky header). */
  viewportHeight: number;
  scrollTop: number;
  /** Extra rows drawn above and below, so fast scrolling shows no gaps. */
  overscan: number;
  maxContentHeight: number;
}

export interface RowWindow {
  /** Height of the scrolled content. */
  contentHeight: number;
  /** First row drawn. */
  first: number;
  /** One past the last row drawn. */
  end: number;
  /** Where row `first` goes, in content pixels; row `first + k` goes `k * rowHeight` below. */
  firstTop: number;
}

interface Geometry {
  contentHeight: number;
  maxScroll: number;
  virtualMax: number;
}

function geometry(input: Pick<RowWindowInput, 'rowCount' | 'rowHeight' | 'viewportHeight' | 'maxContentHeight'>): Geometry {
  const virtualHeight = input.rowCount * input.rowHeight;
  const contentHeight = Math.min(virtualHeight, input.maxContentHeight);
  return {
    contentHeight,
    maxScroll: Math.max(0, contentHeight - input.viewportHeight),
    virtualMax: Math.max(0, virtualHeight - input.viewportHeight),
  };
}

/** The virtual (uncompressed) offset shown at a scroll position. */
function virtualTop(scrollTop: number, shape: Geometry): number {
  if (shape.maxScroll <= 0) return 0;
  const clamped = Math.min(Math.max(scrollTop, 0), shape.maxScroll);
  return shape.maxScroll === shape.virtualMax ? clamped : (clamped / shape.maxScroll) * shape.virtualMax;
}

/** The rows to draw at a scroll position, and where. */
export function rowWindow(input: RowWindowInput): RowWindow {
  const shape = geometry(input);
  const top = virtualTop(input.scrollTop, shape);
  const scrollTop = Math.min(Math.max(input.scrollTop, 0), shape.maxScroll);
  const first = Math.max(0, Math.floor(top / input.rowHeight) - input.overscan);
  const end = Math.min(input.rowCount, Math.ceil((top + input.viewportHeight) / input.rowHeight) + input.overscan);
  return { contentHeight: shape.contentHeight, first, end: Math.max(first, end), firstTop: scrollTop + first * input.rowHeight - top };
}

/**
 * The scroll position that brings `row` fully into view, moving as little
 * as possible; the current position when it already is.
 */
export function scrollTopToReveal(row: number, input: Omit<RowWindowInput, 'overscan'>): number {
  const shape = geometry(input);
  const top = virtualTop(input.scrollTop, shape);
  const rowTop = row * input.rowHeight;
  const rowBottom = rowTop + input.rowHeight;
  let target = top;
  if (rowTop < top) target = rowTop;
  else if (rowBottom > top + input.viewportHeight) target = rowBottom - input.viewportHeight;
  if (target === top) return input.scrollTop;
  if (shape.virtualMax <= 0) return 0;
  const scroll = shape.maxScroll === shape.virtualMax ? target : (target / shape.virtualMax) * shape.maxScroll;
  // Compressed positions are fractional; round so the row lands inside the view rather than a pixel short.
  return Math.min(shape.maxScroll, Math.max(0, rowTop < top ? Math.floor(scroll) : Math.ceil(scroll)));
}
