'use client';

import type { ReactNode } from 'react';
import { parseThemeChoice, type ThemeChoice } from '@/lib/theme/theme';
import { useTheme } from './ThemeProvider';

const LABELS: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' };

/** System / Light / Dark, for a page's top bar. */
export function ThemeToggle(): ReactNode {
  const { choice, choose } = useTheme();
  return (
    <label className="theme-toggle">
      Theme{' '}
      <select value={choice} onChange={(event) => choose(parseThemeChoice(event.target.value))}>
        {Object.entries(LABELS).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </label>
  );
}
