import { describe, expect, it } from 'vitest';
import { createRng, hashKey, seededUuid, zipfWeights } from './random';

describe('random', () => {
  it('repeats a stream for the same key and differs for another', () => {
    const a = Array.from({ length: 5 }, createRng(1, 'x', '2024-01-01').next);
    const b = Array.from({ length: 5 }, createRng(1, 'x', '2024-01-01').next);
    const c = Array.from({ length: 5 }, createRng(2, 'x', '2024-01-01').next);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('keeps values in range', () => {
    const rng = createRng('range');
    for (let i = 0; i < 1000; i++) {
      const v = rng.int(3, 7);
      expect(v).toBeGreaterThanOrEqual(3);
      expect(v).toBeLessThanOrEqual(7);
      expect(rng.next()).toBeLessThan(1);
    }
  });

  it('draws lognormal values around the median', () => {
    const rng = createRng('lognormal');
    const draws = Array.from({ length: 4001 }, () => rng.lognormal(100, 1)).sort((x, y) => x - y);
    expect(draws[2000]).toBeGreaterThan(85);
    expect(draws[2000]).toBeLessThan(115);
  });

  it('hashes keys to unsigned 32-bit values', () => {
    expect(hashKey('a', 1)).toBe(hashKey('a', 1));
    expect(hashKey('a', 1)).not.toBe(hashKey('a', 2));
    expect(hashKey('x')).toBeGreaterThanOrEqual(0);
    expect(hashKey('x')).toBeLessThan(2 ** 32);
  });

  it('makes Zipf weights that fall with rank', () => {
    const w = zipfWeights(4, 1);
    expect(w).toEqual([1, 1 / 2, 1 / 3, 1 / 4]);
  });

  it('makes version-4-shaped UUIDs', () => {
    expect(seededUuid(createRng('u'))).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
