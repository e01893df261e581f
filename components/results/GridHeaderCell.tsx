'use client';

import type { ReactNode } from 'react';
import type { ResultColumn } from '@/lib/engine/result-set';
import type { SortDirection } from '@/lib/results/sort';
import styles from './results.module.css';

export interface GridHeaderCellProps {
  column: ResultColumn;
  index: number;
  numeric: boolean;
  sort: SortDirection | null;
  filter: string;
  onSort: () => void;
  onFilter: (text: string) => void;
  /** Applies the filter at once (Enter) instead of after the typing pause. */
  onFilterCommit: () => void;
}

const ARROWS: Record<SortDirection, string> = { ascending: '▲', descending: '▼' };

/** A column's name and type (a button that cycles the sort) above its filter box. */
export function GridHeaderCell({ column, index, numeric, sort, filter, onSort, onFilter, onFilterCommit }: GridHeaderCellProps): ReactNode {
  return (
    <div
      role="columnheader"
      aria-colindex={index + 1}
      aria-sort={sort ?? 'none'}
      className={`cell ${styles.header}${numeric ? ' numeric' : ''}`}
      title={`${column.name} ${column.type}`}
    >
      <button type="button" className={styles.sortButton} onClick={onSort} title={`Sort by ${column.name}: ascending, descending, off`}>
        <span className="column-name">{column.name}</span>
        <span className="column-type">{column.type}</span>
        <span aria-hidden="true" className={styles.sortArrow}>
          {sort ? ARROWS[sort] : ''}
        </span>
      </button>
      <input
        type="search"
        className={styles.filter}
        aria-label={`Filter ${column.name}`}
        placeholder="filter"
        value={filter}
        spellCheck={false}
        autoComplete="off"
        onChange={(event) => onFilter(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') onFilterCommit();
          if (event.key === 'Escape' && filter) {
            event.preventDefault();
            onFilter('');
          }
        }}
      />
    </div>
  );
}
