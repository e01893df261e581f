'use client';

import { useState, type ReactNode } from 'react';
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

/** A tile's actions: view its SQL, open it in the console, download CSV, full screen, remove. */
export function TileMenu({ title, consoleHref, canDownload, onViewSql, onDownload, onFullScreen, onRemove }: TileMenuProps): ReactNode {
  const [open, setOpen] = useState(false);
  const act = (action: () => void) => () => {
    setOpen(false);
    action();
  };
  return (
    <div className={styles.menu} onMouseDown={(event) => event.stopPropagation()}>
      <button type="button" aria-expanded={open} aria-haspopup="menu" aria-label={`Tile menu: ${title}`} onClick={() => setOpen(!open)}>
        ⋯
      </button>
      {open ? (
        <div role="menu" aria-label={`Actions for ${title}`} className={styles.menuList}>
          <button type="button" role="menuitem" onClick={act(onViewSql)}>
            View SQL
          </button>
          {consoleHref ? (
            <a role="menuitem" href={consoleHref} target="_blank" rel="noopener">
              Open in console
            </a>
          ) : null}
          <button type="button" role="menuitem" disabled={!canDownload} onClick={act(onDownload)}>
            Download CSV
          </button>
          <button type="button" role="menuitem" onClick={act(onFullScreen)}>
            Full screen
          </button>
          {onRemove ? (
            <button type="button" role="menuitem" onClick={act(onRemove)}>
              Remove tile
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
