import { describe, expect, it } from 'vitest';
import { rovingIndex } from './roving';

describe('rovingIndex', () => {
  it('moves down and up a vertical list, wrapping at both ends', () => {
    expect(rovingIndex('ArrowDown', 0, 3, 'vertical')).toBe(1);
    expect(rovingIndex('ArrowDown', 2, 3, 'vertical')).toBe(0);
    expect(rovingIndex('ArrowUp', 1, 3, 'vertical')).toBe(0);
    expect(rovingIndex('ArrowUp', 0, 3, 'vertical')).toBe(2);
  });

  it('moves left and right along a horizontal list', () => {
    expect(rovingIndex('ArrowRight', 0, 3, 'horizontal')).toBe(1);
    expect(rovingIndex('ArrowRight', 2, 3, 'horizontal')).toBe(0);
    expect(rovingIndex('ArrowLeft', 0, 3, 'horizontal')).toBe(2);
  });

  it('jumps to the ends with Home and End', () => {
    expect(rovingIndex('Home', 2, 4, 'vertical')).toBe(0);
    expect(rovingIndex('End', 0, 4, 'horizontal')).toBe(3);
  });

  it('ignores the other orientation’s arrows and other keys', () => {
    expect(rovingIndex('ArrowLeft', 1, 3, 'vertical')).toBeNull();
    expect(rovingIndex('ArrowDown', 1, 3, 'horizontal')).toBeNull();
    expect(rovingIndex('Enter', 1, 3, 'vertical')).toBeNull();
    expect(rovingIndex('a', 1, 3, 'horizontal')).toBeNull();
  });

  it('starts from the first or last item when nothing is focused yet', () => {
    expect(rovingIndex('ArrowDown', -1, 3, 'vertical')).toBe(0);
    expect(rovingIndex('ArrowUp', -1, 3, 'vertical')).toBe(2);
    expect(rovingIndex('ArrowRight', 7, 3, 'horizontal')).toBe(0);
  });

  it('has nowhere to go in an empty list', () => {
    expect(rovingIndex('ArrowDown', 0, 0, 'vertical')).toBeNull();
    expect(rovingIndex('Home', 0, 0, 'horizontal')).toBeNull();
  });
});
