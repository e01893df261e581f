import { describe, expect, it } from 'vitest';
import { parseByteRange, RangeCache } from './range-cache';

function bytes(...values: number[]): ArrayBuffer {
  return new Uint8Array(values).buffer;
}

describe('RangeCache', () => {
  it('serves any range inside a cached one, as a copy', () => {
    const cache = new RangeCache(1024);
    cache.put('u', 100, bytes(1, 2, 3, 4, 5));
    expect([...new Uint8Array(cache.get('u', 101, 103) ?? new ArrayBuffer(0))]).toEqual([2, 3, 4]);
    expect([...new Uint8Array(cache.get('u', 100, 104) ?? new ArrayBuffer(0))]).toEqual([1, 2, 3, 4, 5]);
    const copy = cache.get('u', 100, 100);
    new Uint8Array(copy ?? new ArrayBuffer(1))[0] = 99;
    expect([...new Uint8Array(cache.get('u', 100, 100) ?? new ArrayBuffer(0))]).toEqual([1]);
  });

  it('assembles a range from cached ranges that meet or overlap, and names the span it lacks', () => {
    const cache = new RangeCache(1024);
    cache.put('u', 100, bytes(1, 2, 3));
    cache.put('u', 103, bytes(4, 5));
    cache.put('u', 104, bytes(5, 6, 7));
    expect([...new Uint8Array(cache.get('u', 101, 106) ?? new ArrayBuffer(0))]).toEqual([2, 3, 4, 5, 6, 7]);
    expect(cache.get('u', 101, 107)).toBeNull();
    expect(cache.missingSpan('u', 101, 106)).toBeNull();
    expect(cache.missingSpan('u', 101, 110)).toEqual({ start: 107, end: 110 });
    expect(cache.missingSpan('u', 95, 102)).toEqual({ start: 95, end: 99 });
    cache.put('u', 120, bytes(9, 9));
    // A hole in the middle: fetch from the first missing byte to the last.
    expect(cache.missingSpan('u', 101, 125)).toEqual({ start: 107, end: 125 });
    expect(cache.missingSpan('u', 105, 121)).toEqual({ start: 107, end: 119 });
    expect(cache.missingSpan('v', 1, 2)).toEqual({ start: 1, end: 2 });
  });

  it('misses ranges it does not fully hold, other URLs, and inverted ranges', () => {
    const cache = new RangeCache(1024);
    cache.put('u', 100, bytes(1, 2, 3));
    expect(cache.get('u', 99, 101)).toBeNull();
    expect(cache.get('u', 101, 103)).toBeNull();
    expect(cache.get('v', 100, 101)).toBeNull();
    expect(cache.get('u', 102, 101)).toBeNull();
  });

  it('drops the least recently used ranges beyond the cap and never caches oversized ones', () => {
    const cache = new RangeCache(6);
    cache.put('a', 0, bytes(1, 1, 1));
    cache.put('b', 0, bytes(2, 2, 2));
    expect(cache.get('a', 0, 0)).not.toBeNull(); // a is now the most recently used
    cache.put('c', 0, bytes(3, 3, 3));
    expect(cache.get('b', 0, 0)).toBeNull();
    expect(cache.get('a', 0, 2)).not.toBeNull();
    expect(cache.get('c', 0, 2)).not.toBeNull();
    expect(cache.size).toBe(6);
    cache.put('d', 0, new ArrayBuffer(7));
    expect(cache.get('d', 0, 0)).toBeNull();
    expect(cache.size).toBe(6);
  });
});

describe('parseByteRange', () => {
  it('reads closed ranges and rejects everything else', () => {
    expect(parseByteRange('bytes=0-9')).toEqual({ start: 0, end: 9 });
    expect(parseByteRange(' bytes=10-10 ')).toEqual({ start: 10, end: 10 });
    for (const bad of [null, '', 'bytes=0-', 'bytes=-5', 'bytes=9-1', 'bytes=0-1,3-4', 'items=0-1', 'bytes=a-b']) {
      expect(parseByteRange(bad)).toBeNull();
    }
  });
});
