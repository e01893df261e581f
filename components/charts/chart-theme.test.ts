import { describe, expect, it } from 'vitest';
import { heatFill } from './chart-theme';

describe('heatFill', () => {
  it('mixes the theme’s two heat colours by the value’s place between min and max', () => {
    expect(heatFill(0, 0, 10)).toBe('color-mix(in srgb, var(--heat-high) 0%, var(--heat-low))');
    expect(heatFill(2.5, 0, 10)).toBe('color-mix(in srgb, var(--heat-high) 25%, var(--heat-low))');
    expect(heatFill(10, 0, 10)).toBe('color-mix(in srgb, var(--heat-high) 100%, var(--heat-low))');
  });

  it('shows a single value at full strength', () => {
    expect(heatFill(7, 7, 7)).toBe('color-mix(in srgb, var(--heat-high) 100%, var(--heat-low))');
  });
});
