'use client';

import { useEffect, useRef, type ReactNode } from 'react';
import { focusItemForKey } from '@/lib/a11y/focus-item';
import styles from './results.module.css';

export interface CellMenuItem {
  label: string;
  onSelect: () => void;
}

export interface CellMenuProps {
  x: number;
  y: number;
  items: readonly CellMenuItem[];
  onClose: () => void;
}

/** A small context menu at a screen position; arrows, Home and End move, and Escape, a click elsewhere or scrolling closes it. */
export function CellMenu({ x, y, items, onClose }: CellMenuProps): ReactNode {
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const onPointer = (event: PointerEvent): void => {
      if (!menu.current?.contains(event.target as Node)) onClose();
    };
    window.addEventListener('pointerdown', onPointer, true);
    window.addEventListener('scroll', onClose, true);
    window.addEventListener('blur', onClose);
    return () => {
      window.removeEventListener('pointerdown', onPointer, true);
      window.removeEventListener('scroll', onClose, true);
      window.removeEventListener('blur', onClose);
    };
  }, [onClose]);

  return (
    <div
      ref={menu}
      role="menu"
      aria-label="Cell actions"
      className={styles.menu}
      style={{ left: x, top: y }}
      onKeyDown={(event) => {
        if (event.key === 'Escape' || event.key === 'Tab') {
          event.preventDefault();
          onClose();
        } else if (focusItemForKey(Array.from(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []), event.key, 'vertical')) {
          event.preventDefault();
        }
      }}
    >
      {items.map((item) => (
        <button
          key={item.label}
          type="button"
          role="menuitem"
          tabIndex={-1}
          onClick={() => {
            item.onSelect();
            onClose();
          }}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}
