import type { ReactNode } from 'react';

/**
 * Inline SVG marks that ship with the app. Text symbols such as the lock emoji
 * render as empty boxes where no emoji font is installed (Debian's default fonts
 * have none), and no font is ever fetched, so status marks are drawn instead.
 */
const PATHS = {
  lock: 'M5 7V5a3 3 0 0 1 6 0v2h1v7H4V7h1zm1.5 0h3V5a1.5 1.5 0 0 0-3 0v2z',
  warning: 'M8 1.5 15 14H1L8 1.5zM7.25 6v4h1.5V6h-1.5zm0 5v1.5h1.5V11h-1.5z',
  running: 'M8 1.5a6.5 6.5 0 1 0 6.5 6.5H13A5 5 0 1 1 8 3V1.5z',
} as const;

export type IconName = keyof typeof PATHS;

export interface IconProps {
  name: IconName;
  /** The accessible name; without one the mark is decorative and hidden from assistive technology. */
  label?: string;
  className?: string;
}

/** One 1em mark drawn in the current text colour. */
export function Icon({ name, label, className }: IconProps): ReactNode {
  const a11y = label ? { role: 'img', 'aria-label': label } : { 'aria-hidden': true };
  return (
    <svg
      className={['icon', `icon-${name}`, className].filter(Boolean).join(' ')}
      viewBox="0 0 16 16"
      width="1em"
      height="1em"
      fill="currentColor"
      focusable="false"
      {...a11y}
    >
      <path fillRule="evenodd" d={PATHS[name]} />
    </svg>
  );
}
