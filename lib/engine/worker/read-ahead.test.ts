import { describe, expect, it } from 'vitest';
import type { PlannedPart } from './batches';
import { ReadAhead } from './read-ahead';

function part(url: string, start: number, end: number): PlannedPart {
  return { url, part: { path: url, start, end } };
}

describe('ReadAhead', () => {
  const plan = [part('a', 0, 99), part('a', 200, 299), part('b', 0, 99), part('c', 0, 99), part('d', 0, 999)];

  it('hands out the first window, then the window at a miss, each part once', () => {
    const ahead = new ReadAhead(250);
    expect(ahead.start(plan).map((item) => `${item.url}${item.part.start}`)).toEqual(['a0', 'a200']);
    expect(ahead.takeFor('b', 10).map((item) => item.url)).toEqual(['b', 'c']);
    expect(ahead.takeFor('b', 10)).toEqual([]);
    // A part larger than a window still goes, alone.
    expect(ahead.takeFor('d', 0).map((item) => item.url)).toEqual(['d']);
    expect(ahead.size).toBe(0);
  });

  it('answers nothing for a byte the plan does not hold, and a new plan replaces the old', () => {
    const ahead = new ReadAhead(100);
    ahead.start(plan);
    expect(ahead.takeFor('a', 300)).toEqual([]);
    expect(ahead.takeFor('a', 250).map((item) => item.part.start)).toEqual([200]);
    expect(ahead.takeFor('zzz', 0)).toEqual([]);
    ahead.start([part('x', 0, 9)]);
    expect(ahead.takeFor('b', 0)).toEqual([]);
    expect(ahead.size).toBe(0);
  });
});
