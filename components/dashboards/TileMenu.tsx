'use client';

import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { focusItemForKey } from '@/lib/a11y/focus-item';
import styles from './dashboards.module.css';

export interface TileMenuProps {
  title: string;
  /** The console deep link of the tile's bound SQL, when it has one. */
  consoleHref: string | null;
  canDownload: boolean;
  onViewSql: () => void;
  onDownload: () => void;
  onFullScreen: () => void;
  /** Absent when the user may not change the dashboard. */
  onRemove?: () => void;
}

/** The items that can take focus (a disabled one is skipped, as a disabled button cannot). */
function menuItems(menu: HTMLElement | null): HTMLElement[] {
  return Array.from(menu?.querySelectorAll<HTMLElement>('[role="menuitem"]:not([disabled])') ?? []);
}

/** Which item takes focus when the menu opens: ArrowUp on the button opens it at the end. */
type OpenAt = 'first' | 'last' | null;

/**
 * A tile's actions: view its SQL, open it in the console, download CSV, full
 * screen, remove. A WAI-ARIA menu button: arrows, Home and End move between the
 * items, Escape (or Tab) closes it and focus goes back to the button, and a
 * click outside closes it.
 */
export function TileMenu({ title, consoleHref, canDownload, onViewSql, onDownload, onFullScreen, onRemove }: TileMenuProps): ReactNode {
  const [openAt, setOpenAt] = useState<OpenAt>(null);
  const open = openAt !== null;
  const container = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const menuId = useId();

  const close = (refocus: boolean): void => {
    setOpenAt(null);
    if (refocus) button.current?.focus();
  };

  useEffect(() => {
    if (openAt === null) return;
    const list = menuItems(menu.current);
    (openAt === 'last' ? list.at(-1) : list[0])?.focus();
  }, [openAt]);

  useEffect(() => {
    if (!open) return;
    // A click elsewhere closes the menu but keeps the focus where that click put it.
    const onPointer = (event: PointerEvent): void => {
      if (!container.current?.contains(event.target as Node)) setOpenAt(null);
    };
    window.addEventListener('pointerdown', onPointer, true);
    return () => window.removeEventListener('pointerdown', onPointer, true);
  }, [open]);

  const onButtonKey = (event: KeyboardEvent<HTMLButtonElement>): void => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpenAt(event.key === 'ArrowUp' ? 'last' : 'first');
    }
  };
  const onMenuKey = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      close(true);
    } else if (focusItemForKey(menuItems(menu.current), event.key, 'vertical')) {
      event.preventDefault();
    }
  };
  const act = (action: () => void): void => {
    close(true);
    action();
  };

  return (
    <div ref={container} className={styles.menu} onMouseDown={(event) => event.stopPropagation()}>
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-haspopup="menu"
        aria-controls={open ? menuId : undefined}
        aria-label={`Tile menu: ${title}`}
        onClick={() => (open ? close(false) : setOpenAt('first'))}
        onKeyDown={onButtonKey}
      >
        ⋯
      </button>
      {open ? (
        <div ref={menu} id={menuId} role="menu" aria-label={`Actions for ${title}`} className={styles.menuList} onKeyDown={onMenuKey}>
          <button type="button" role="menuitem" tabIndex={-1} onClick={() => act(onViewSql)}>
            View SQL
          </button>
          {consoleHref ? (
            <a role="menuitem" tabIndex={-1} href={consoleHref} target="_blank" rel="noopener" onClick={() => close(true)}>
              Open in console
            </a>
          ) : null}
          <button type="button" role="menuitem" tabIndex={-1} disabled={!canDownload} onClick={() => act(onDownload)}>
            Download CSV
          </button>
          <button type="button" role="menuitem" tabIndex={-1} onClick={() => act(onFullScreen)}>
            Full screen
          </button>
          {onRemove ? (
            <button type="button" role="menuitem" tabIndex={-1} onClick={() => act(onRemove)}>
              Remove tile
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
