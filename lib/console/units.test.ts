import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration } from './units';

describe('units', () => {
  it('formats bytes in binary units', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(5 * 1024 ** 3)).toBe('5.0 GB');
  });

  it('formats durations', () => {
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(12_345)).toBe('12.3 s');
    expect(formatDuration(125_000)).toBe('2 min 5 s');
    expect(formatDuration(7_385_000)).toBe('2 h 3 min');
    expect(formatDuration(767_812_000)).toBe('213 h 16 min');
  });
});
