'use client';

import { useEffect, useRef, useState } from 'react';
import type { ResultSet } from '@/lib/engine/result-set';
import { applyMasks } from '@/lib/results/filter';
import { MaskCache } from '@/lib/results/mask-cache';
import { sortOrder, type SortSpec } from '@/lib/results/sort';

export interface AppliedFilter {
  column: number;
  /** Normalized (lower-case), never empty. */
  needle: string;
}

export interface GridView {
  /** Result rows in display order; null means result order, all rows. */
  order: Uint32Array | null;
  /** Rows that pass the filters. */
  matched: number;
  /** True while a new sort or filter is being worked out; the previous view stays on screen. */
  pending: boolean;
}

interface Computed {
  rows: ResultSet;
  key: string;
  order: Uint32Array | null;
  matched: number;
}

/**
 * The rows a grid shows for a sort and a set of filters, as a permutation of
 * row indices. The work runs after a paint (so "Sorting…" shows first). The
 * last sort and recent filter masks are kept: changing a filter never sorts
 * again, and typing one more character only re-reads rows that matched.
 */
export function useGridView(rows: ResultSet, sort: SortSpec | null, filters: readonly AppliedFilter[]): GridView {
  const key = JSON.stringify([sort, filters]);
  const [computed, setComputed] = useState<Computed | null>(null);
  const sorted = useRef<{ rows: ResultSet; key: string; order: Uint32Array } | null>(null);
  const masks = useRef<MaskCache | null>(null);

  useEffect(() => {
    if (!sort && filters.length === 0) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // After the next paint, so the pending state is on screen while the work runs.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        let order: Uint32Array | null = null;
        if (sort) {
          const sortKey = JSON.stringify(sort);
          if (sorted.current?.rows !== rows || sorted.current.key !== sortKey) {
            sorted.current = { rows, key: sortKey, order: sortOrder(rows, sort) };
          }
          order = sorted.current.order;
        }
        if (masks.current?.rows !== rows) masks.current = new MaskCache(rows);
        const cache = masks.current;
        const view = applyMasks(
          order,
          rows.rowCount,
          filters.map((filter) => cache.mask(filter.column, filter.needle)),
        );
        setComputed({ rows, key, order: view, matched: view ? view.length : rows.rowCount });
      }, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [rows, sort, filters, key]);

  if (!sort && filters.length === 0) return { order: null, matched: rows.rowCount, pending: false };
  if (computed && computed.rows === rows) {
    return { order: computed.order, matched: computed.matched, pending: computed.key !== key };
  }
  return { order: null, matched: rows.rowCount, pending: true };
}
