'use client';

import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { rowWindow, scrollTopToReveal, type RowWindow } from '@/lib/results/row-window';

export const ROW_HEIGHT = 28;
const OVERSCAN = 10;
/** Below Firefox's element height limit (about 17.9 million px); taller content is compressed. */
const MAX_CONTENT_HEIGHT = 15_000_000;

export interface RowWindowControls {
  /** For the scroll container. */
  scrollRef: RefObject<HTMLDivElement | null>;
  /** For the sticky header inside it, whose height rows cannot use. */
  headerRef: RefObject<HTMLDivElement | null>;
  window: RowWindow;
  /** Scrolls as little as needed to show `row` (a display position). */
  reveal: (row: number) => void;
  /** Scrolls back to the first row. */
  toTop: () => void;
}

/** Tracks a scroll container and says which of `rowCount` fixed-height rows to draw. */
export function useRowWindow(rowCount: number): RowWindowControls {
  const scrollRef = useRef<HTMLDivElement>(null);
  const headerRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewportHeight, setViewportHeight] = useState(600);

  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const measure = (): void => setViewportHeight(Math.max(ROW_HEIGHT, element.clientHeight - (headerRef.current?.offsetHeight ?? 0)));
    // A shorter view (a filter) moves the position too: the browser clamps it and says so with a scroll event.
    const onScroll = (): void => setScrollTop(element.scrollTop);
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    if (headerRef.current) observer.observe(headerRef.current);
    element.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      observer.disconnect();
      element.removeEventListener('scroll', onScroll);
    };
  }, []);

  const window = rowWindow({ rowCount, rowHeight: ROW_HEIGHT, viewportHeight, maxContentHeight: MAX_CONTENT_HEIGHT, scrollTop, overscan: OVERSCAN });

  const reveal = useCallback(
    (row: number) => {
      const element = scrollRef.current;
      if (!element) return;
      const target = scrollTopToReveal(row, {
        rowCount,
        rowHeight: ROW_HEIGHT,
        viewportHeight,
        maxContentHeight: MAX_CONTENT_HEIGHT,
        scrollTop: element.scrollTop,
      });
      if (target !== element.scrollTop) element.scrollTop = target;
    },
    [rowCount, viewportHeight],
  );

  const toTop = useCallback(() => {
    const element = scrollRef.current;
    if (element) element.scrollTop = 0;
  }, []);

  return { scrollRef, headerRef, window, reveal, toTop };
}
