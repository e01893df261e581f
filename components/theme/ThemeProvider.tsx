'use client';

import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { themeAttribute, themeCookie, type ThemeChoice } from '@/lib/theme/theme';

interface ThemeContextValue {
  choice: ThemeChoice;
  choose: (choice: ThemeChoice) => void;
}

const ThemeContext = createContext<ThemeContextValue | null>(null);

/** Applies a choice to the page at once, and keeps it for the next page load. */
function apply(choice: ThemeChoice): void {
  const root = document.documentElement;
  const attribute = themeAttribute(choice);
  if (attribute) root.dataset.theme = attribute;
  else delete root.dataset.theme;
  document.cookie = themeCookie(choice);
}

/**
 * The user's theme choice. The layout renders `<html data-theme>` from the
 * cookie, so `initial` is what the page is already painted with.
 */
export function ThemeProvider({ initial, children }: { initial: ThemeChoice; children: ReactNode }): ReactNode {
  const [choice, setChoice] = useState(initial);
  const choose = useCallback((next: ThemeChoice) => {
    apply(next);
    setChoice(next);
  }, []);
  const value = useMemo(() => ({ choice, choose }), [choice, choose]);
  return <ThemeContext.Provider value={value}>{children}</ThemeContext.Provider>;
}

/** The theme choice and how to change it; only below the root layout's provider. */
export function useTheme(): ThemeContextValue {
  const value = useContext(ThemeContext);
  if (value === null) throw new Error('useTheme needs the ThemeProvider of the root layout above it.');
  return value;
}
