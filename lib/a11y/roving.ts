/**
 * Roving focus for composite widgets (WAI-ARIA menus and tab lists): which item
 * a key moves to. Movement wraps, as both patterns recommend.
 */

export type Orientation = 'horizontal' | 'vertical';

/**
 * The index a key moves focus to among `count` items, or null when the key is
 * not a movement key for this orientation (the caller then leaves it alone).
 */
export function rovingIndex(key: string, current: number, count: number, orientation: Orientation): number | null {
  if (count <= 0) return null;
  const [previous, next] = orientation === 'vertical' ? ['ArrowUp', 'ArrowDown'] : ['ArrowLeft', 'ArrowRight'];
  // An item that is gone (closed tab, nothing focused yet) counts as just before the first.
  const from = current >= 0 && current < count ? current : -1;
  switch (key) {
    case next:
      return (from + 1) % count;
    case previous:
      return from <= 0 ? count - 1 : from - 1;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
