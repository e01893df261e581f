'use client';

import { useCallback, useEffect, useId, useMemo, useState, type KeyboardEvent, type ReactNode } from 'react';
import { formatCell, isNumericKind } from '@/lib/engine/cell-format';
import type { ResultSet } from '@/lib/engine/result-set';
import { cellText, headerLine, rowLine } from '@/lib/results/delimited';
import { normalizeNeedle } from '@/lib/results/filter';
import { nextSort, type SortSpec } from '@/lib/results/sort';
import { FleColumnBar } from '@/components/fle/FleColumnBar';
import { ProtectedCell } from '@/components/fle/ProtectedCell';
import type { ResultFle } from '@/components/fle/useResultFle';
import { CellMenu } from './CellMenu';
import { GridHeaderCell } from './GridHeaderCell';
import styles from './results.module.css';
import { useCopyFeedback } from './useCopyFeedback';
import { useGridView, type AppliedFilter } from './useGridView';
import { ROW_HEIGHT, useRowWindow } from './useRowWindow';

export interface ResultsGridProps {
  rows: ResultSet;
  /** The result's FLE state, shared with its chart (`useResultFle`). */
  fle: ResultFle;
  /**
   * The most rows the grid shows. Sort and filters still consider every row
   * of the result; export is separate and always writes the full result.
   */
  displayLimit?: number;
}

export const DEFAULT_DISPLAY_LIMIT = 1_000_000;

const MIN_WIDTH = 110;
const MAX_WIDTH = 420;
const CHAR_WIDTH = 7.5;
const FILTER_PAUSE_MS = 250;

interface Position {
  /** Display position (after sort and filters), not the result row. */
  row: number;
  column: number;
}

/** Column widths from the header and a sample of the first rows, so layout never measures a million cells. */
function columnWidths(rows: ResultSet): number[] {
  const sample = Math.min(rows.rowCount, 200);
  return rows.columns.map((column, index) => {
    // The header shows the name and the type side by side.
    let longest = column.name.length + column.type.length + 3;
    for (let row = 0; row < sample; row += 1) {
      longest = Math.max(longest, formatCell(rows.cell(row, index), column.kind).length);
    }
    return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.ceil(longest * CHAR_WIDTH) + 20));
  });
}

function count(value: number): string {
  return value.toLocaleString('en-US');
}

/**
 * The results grid: virtualized (only rows on screen are in the DOM, and no
 * per-row objects exist), sortable by header, filterable per column, with
 * cell and row copy. Sort and filter produce a permutation of row indices.
 */
export function ResultsGrid({ rows, fle, displayLimit = DEFAULT_DISPLAY_LIMIT }: ResultsGridProps): ReactNode {
  const gridId = useId();
  const [sort, setSort] = useState<SortSpec | null>(null);
  const [drafts, setDrafts] = useState<string[]>(() => rows.columns.map(() => ''));
  const [applied, setApplied] = useState<AppliedFilter[]>([]);
  const [active, setActive] = useState<Position | null>(null);
  const [menu, setMenu] = useState<{ x: number; y: number } | null>(null);
  const feedback = useCopyFeedback();

  const widths = useMemo(() => columnWidths(rows), [rows]);
  const template = widths.map((width) => `${width}px`).join(' ');
  const totalWidth = widths.reduce((sum, width) => sum + width, 0);

  const view = useGridView(rows, sort, applied);
  const shown = Math.min(view.matched, displayLimit);
  const { scrollRef, headerRef, window: onScreen, reveal, toTop } = useRowWindow(shown);
  const resultRow = useCallback((position: number): number => (view.order ? (view.order[position] ?? 0) : position), [view.order]);
  const rowsBetween = (from: number, to: number): number[] => Array.from({ length: Math.max(0, to - from) }, (_, at) => resultRow(from + at));

  const commitFilters = useCallback((texts: readonly string[]) => {
    const next = texts.flatMap((text, column) => (text === '' ? [] : [{ column, needle: normalizeNeedle(text) }]));
    setApplied((current) => (JSON.stringify(current) === JSON.stringify(next) ? current : next));
  }, []);

  useEffect(() => {
    const timer = setTimeout(() => commitFilters(drafts), FILTER_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [drafts, commitFilters]);

  // A new order or filter starts from the top, with no cell chosen.
  const [seenOrder, setSeenOrder] = useState(view.order);
  if (seenOrder !== view.order) {
    setSeenOrder(view.order);
    setActive(null);
  }
  const viewOrder = view.order;
  useEffect(() => toTop(), [viewOrder, toTop]);

  const copyCell = useCallback(
    (at: Position) => {
      const column = rows.columns[at.column];
      if (!column) return;
      feedback.copy(cellText(rows.cell(resultRow(at.row), at.column), column.kind), `Copied cell ${column.name}, row ${count(at.row + 1)}`);
    },
    [rows, resultRow, feedback],
  );
  const copyRow = useCallback(
    (at: Position, withHeader = false) => {
      const line = rowLine(rows, resultRow(at.row), 'tsv');
      const text = withHeader ? `${headerLine(rows, 'tsv')}\n${line}` : line;
      feedback.copy(text, `Copied row ${count(at.row + 1)}${withHeader ? ' with header' : ''} as TSV`);
    },
    [rows, resultRow, feedback],
  );

  const moveTo = (next: Position): void => {
    const clamped = {
      row: Math.min(Math.max(next.row, 0), shown - 1),
      column: Math.min(Math.max(next.column, 0), rows.columns.length - 1),
    };
    if (clamped.row < 0) return;
    setActive(clamped);
    reveal(clamped.row);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    // Keys typed into a filter box or the menu are theirs.
    if (event.target !== event.currentTarget || shown === 0) return;
    const mod = event.ctrlKey || event.metaKey;
    if (mod && event.key.toLowerCase() === 'c') {
      if (!active || document.getSelection()?.isCollapsed === false) return;
      event.preventDefault();
      if (event.shiftKey) copyRow(active);
      else copyCell(active);
      return;
    }
    if (event.key === 'ContextMenu' || (event.shiftKey && event.key === 'F10')) {
      if (!active) return;
      event.preventDefault();
      const cell = document.getElementById(`${gridId}-${active.row}-${active.column}`)?.getBoundingClientRect();
      setMenu({ x: cell ? cell.left + 8 : 40, y: cell ? cell.bottom : 40 });
      return;
    }
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 2);
    const at = active ?? { row: 0, column: 0 };
    const moves: Record<string, Position | undefined> = {
      ArrowDown: active ? { row: at.row + 1, column: at.column } : at,
      ArrowUp: { row: at.row - 1, column: at.column },
      ArrowRight: { row: at.row, column: at.column + 1 },
      ArrowLeft: { row: at.row, column: at.column - 1 },
      PageDown: { row: at.row + page, column: at.column },
      PageUp: { row: at.row - page, column: at.column },
      Home: mod ? { row: 0, column: 0 } : { row: at.row, column: 0 },
      End: mod ? { row: shown - 1, column: rows.columns.length - 1 } : { row: at.row, column: rows.columns.length - 1 },
    };
    const next = moves[event.key];
    if (!next) return;
    event.preventDefault();
    moveTo(next);
  };

  const focusGrid = (): void => scrollRef.current?.focus({ preventScroll: true });
  const closeMenu = useCallback(() => {
    setMenu(null);
    scrollRef.current?.focus({ preventScroll: true });
  }, [scrollRef]);

  const filtered = applied.length > 0;
  const activeId = active && active.row >= onScreen.first && active.row < onScreen.end ? `${gridId}-${active.row}-${active.column}` : undefined;
  const body: ReactNode[] = [];
  for (let position = onScreen.first; position < onScreen.end; position += 1) {
    const row = resultRow(position);
    body.push(
      <div
        key={position}
        role="row"
        aria-rowindex={position + 2}
        className="grid-row"
        style={{
          gridTemplateColumns: template,
          transform: `translateY(${onScreen.firstTop + (position - onScreen.first) * ROW_HEIGHT}px)`,
          height: ROW_HEIGHT,
        }}
      >
        {rows.columns.map((column, index) => {
          const value = rows.cell(row, index);
          const text = formatCell(value, column.kind);
          const isProtected = fle.protectedColumns[index] === true && typeof value === 'string';
          const selected = active?.row === position && active.column === index;
          const classes = ['cell', isNumericKind(column.kind) ? 'numeric' : '', value === null ? 'null' : '', selected ? styles.active : '']
            .filter(Boolean)
            .join(' ');
          return (
            <div
              key={index}
              id={`${gridId}-${position}-${index}`}
              role="gridcell"
              aria-colindex={index + 1}
              aria-selected={selected}
              className={classes}
              title={text}
              onMouseDown={(event) => {
                if (event.button === 0 && !event.shiftKey) setActive({ row: position, column: index });
              }}
              onClick={focusGrid}
              onContextMenu={(event) => {
                event.preventDefault();
                setActive({ row: position, column: index });
                setMenu({ x: event.clientX, y: event.clientY });
              }}
            >
              {isProtected ? (
                <ProtectedCell
                  value={value}
                  outcome={fle.outcome(row, index)}
                  label={`${column.name}, row ${count(position + 1)}`}
                  onReveal={fle.ready && !fle.progress ? () => fle.reveal(row, index) : undefined}
                />
              ) : (
                text
              )}
            </div>
          );
        })}
      </div>,
    );
  }

  return (
    <div className={styles.gridArea}>
      <div className={styles.gridBar}>
        <span role="status" aria-label="Grid rows">
          {filtered ? `${count(view.matched)} of ${count(rows.rowCount)} rows` : `${count(rows.rowCount)} rows`}
          {view.pending ? (sort && !filtered ? ' · Sorting…' : ' · Filtering…') : ''}
        </span>
        {view.matched > shown ? <span className={styles.notice}>Showing the first {count(shown)} (display limit); export writes every row.</span> : null}
        <span className={styles.gridActions}>
          <button type="button" disabled={!active} onClick={() => active && copyCell(active)} title="Ctrl/Cmd+C in the grid">
            Copy cell
          </button>
          <button type="button" disabled={!active} onClick={() => active && copyRow(active)} title="Ctrl/Cmd+Shift+C in the grid">
            Copy row
          </button>
          <span role="status" aria-label="Copy status" className={styles.copyStatus}>
            {feedback.message ?? ''}
          </span>
        </span>
      </div>
      <FleColumnBar columns={rows.columns} fle={fle} visibleRows={() => rowsBetween(onScreen.first, onScreen.end)} allRows={() => rowsBetween(0, shown)} />
      <div
        ref={scrollRef}
        className={`grid ${styles.grid}`}
        role="grid"
        aria-label="Results"
        aria-rowcount={shown + 1}
        aria-colcount={rows.columns.length}
        aria-busy={view.pending}
        aria-activedescendant={activeId}
        tabIndex={0}
        onKeyDown={onKeyDown}
      >
        <div ref={headerRef} role="rowgroup" className="grid-head" style={{ width: totalWidth }}>
          <div role="row" aria-rowindex={1} className="grid-row" style={{ gridTemplateColumns: template }}>
            {rows.columns.map((column, index) => (
              <GridHeaderCell
                key={`${column.name}-${index}`}
                column={column}
                index={index}
                numeric={isNumericKind(column.kind)}
                sort={sort?.column === index ? sort.direction : null}
                filter={drafts[index] ?? ''}
                onSort={() => setSort((current) => nextSort(current, index))}
                onFilter={(text) => setDrafts((current) => current.map((draft, at) => (at === index ? text : draft)))}
                onFilterCommit={() => commitFilters(drafts)}
              />
            ))}
          </div>
        </div>
        <div role="rowgroup" className="grid-body" style={{ height: onScreen.contentHeight, width: totalWidth }}>
          {body}
        </div>
        {shown === 0 && !view.pending ? <p className={styles.empty}>{filtered ? 'No rows match the filters.' : 'No rows.'}</p> : null}
      </div>
      {menu && active ? (
        <CellMenu
          x={menu.x}
          y={menu.y}
          onClose={closeMenu}
          items={[
            { label: 'Copy cell', onSelect: () => copyCell(active) },
            { label: 'Copy row (TSV)', onSelect: () => copyRow(active) },
            { label: 'Copy row with header (TSV)', onSelect: () => copyRow(active, true) },
          ]}
        />
      ) : null}
    </div>
  );
}
