/**
 * The colour theme a user chose, and how it travels: a cookie the root layout
 * reads before it renders, so the page is painted in the right colours at once
 * without an inline script (the CSP admits none without the nonce).
 */

export const THEME_CHOICES = ['system', 'light', 'dark'] as const;

/** `system` follows the browser's `prefers-color-scheme`. */
export type ThemeChoice = (typeof THEME_CHOICES)[number];

export const THEME_COOKIE = 'theme';

/** A year: the choice outlives the session, like any display preference. */
const MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

/**
 * The choice a cookie value names. The cookie comes from the browser, so
 * anything but the three known values (missing, mangled, hostile) means `system`.
 */
export function parseThemeChoice(value: string | null | undefined): ThemeChoice {
  return THEME_CHOICES.find((choice) => choice === value) ?? 'system';
}

/** The `data-theme` attribute of `<html>`: none for `system`, so the media query decides. */
export function themeAttribute(choice: ThemeChoice): 'light' | 'dark' | undefined {
  return choice === 'system' ? undefined : choice;
}

/** The `document.cookie` assignment that stores a choice (readable by the page, sent on every route). */
export function themeCookie(choice: ThemeChoice): string {
  return `${THEME_COOKIE}=${choice}; Path=/; Max-Age=${MAX_AGE_SECONDS}; SameSite=Lax`;
}
