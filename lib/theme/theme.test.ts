import { describe, expect, it } from 'vitest';
import { parseThemeChoice, themeAttribute, themeCookie } from './theme';

describe('parseThemeChoice', () => {
  it('accepts the three known values', () => {
    expect(parseThemeChoice('system')).toBe('system');
    expect(parseThemeChoice('light')).toBe('light');
    expect(parseThemeChoice('dark')).toBe('dark');
  });

  it('treats anything else as system', () => {
    for (const value of [undefined, null, '', 'Dark', ' dark', 'dark; Path=/', '"><script>', 'light dark', 'toString', '__proto__']) {
      expect(parseThemeChoice(value)).toBe('system');
    }
  });
});

describe('themeAttribute', () => {
  it('sets no attribute for system, so the media query decides', () => {
    expect(themeAttribute('system')).toBeUndefined();
    expect(themeAttribute('dark')).toBe('dark');
    expect(themeAttribute('light')).toBe('light');
  });
});

describe('themeCookie', () => {
  it('is site-wide, lax, lasts a year and is not HttpOnly', () => {
    const cookie = themeCookie('dark');
    expect(cookie.split('; ')).toEqual(['theme=dark', 'Path=/', 'Max-Age=31536000', 'SameSite=Lax']);
    expect(cookie).not.toMatch(/HttpOnly/i);
  });
});
