import { rovingIndex, type Orientation } from './roving';

/**
 * Moves focus among a widget's items for a movement key (arrows, Home, End).
 * Returns whether the key was one, so the caller can prevent its default
 * (scrolling the page) and leave every other key alone.
 */
export function focusItemForKey(items: readonly HTMLElement[], key: string, orientation: Orientation): boolean {
  const current = items.findIndex((item) => item === document.activeElement);
  const next = rovingIndex(key, current, items.length, orientation);
  if (next === null) return false;
  items[next]?.focus();
  return true;
}
