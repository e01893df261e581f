'use client';

import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, type ReactNode } from 'react';
import { formatCell, isNumericKind } from '@/lib/engine/cell-format';
import type { ResultSet } from '@/lib/engine/result-set';

export interface ResultsGridProps {
  rows: ResultSet;
}

const ROW_HEIGHT = 28;
const MIN_WIDTH = 90;
const MAX_WIDTH = 420;
const CHAR_WIDTH = 7.5;

/** Column widths from the header and a sample of the first rows, so layout never measures 100,000 cells. */
function columnWidths(rows: ResultSet): number[] {
  const sample = Math.min(rows.rowCount, 200);
  return rows.columns.map((column, index) => {
    let longest = Math.max(column.name.length, column.type.length + 2);
    for (let row = 0; row < sample; row += 1) {
      longest = Math.max(longest, formatCell(rows.cell(row, index), column.kind).length);
    }
    return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.ceil(longest * CHAR_WIDTH) + 20));
  });
}

/** A virtualized, accessible results grid: only the rows on screen are in the DOM. */
export function ResultsGrid({ rows }: ResultsGridProps): ReactNode {
  const scrollRef = useRef<HTMLDivElement>(null);
  const widths = useMemo(() => columnWidths(rows), [rows]);
  const template = widths.map((width) => `${width}px`).join(' ');
  const totalWidth = widths.reduce((sum, width) => sum + width, 0);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render by design
  const virtualizer = useVirtualizer({
    count: rows.rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  return (
    <div
      ref={scrollRef}
      className="grid"
      role="grid"
      aria-label="Results"
      aria-rowcount={rows.rowCount + 1}
      aria-colcount={rows.columns.length}
      tabIndex={0}
    >
      <div role="rowgroup" className="grid-head" style={{ width: totalWidth }}>
        <div role="row" aria-rowindex={1} className="grid-row" style={{ gridTemplateColumns: template }}>
          {rows.columns.map((column, index) => (
            <div
              key={`${column.name}-${index}`}
              role="columnheader"
              aria-colindex={index + 1}
              className={isNumericKind(column.kind) ? 'cell numeric' : 'cell'}
              title={`${column.name} ${column.type}`}
            >
              <span className="column-name">{column.name}</span>
              <span className="column-type">{column.type}</span>
            </div>
          ))}
        </div>
      </div>
      <div role="rowgroup" className="grid-body" style={{ height: virtualizer.getTotalSize(), width: totalWidth }}>
        {virtualizer.getVirtualItems().map((item) => (
          <div
            key={item.key}
            role="row"
            aria-rowindex={item.index + 2}
            className="grid-row"
            style={{ gridTemplateColumns: template, transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
          >
            {rows.columns.map((column, index) => {
              const value = rows.cell(item.index, index);
              const text = formatCell(value, column.kind);
              const classes = ['cell', isNumericKind(column.kind) ? 'numeric' : '', value === null ? 'null' : '']
                .filter(Boolean)
                .join(' ');
              return (
                <div key={index} role="gridcell" aria-colindex={index + 1} className={classes} title={text}>
                  {text}
                </div>
              );
            })}
          </div>
        ))}
      </div>
    </div>
  );
}
