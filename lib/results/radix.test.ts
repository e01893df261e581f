import { describe, expect, it } from 'vitest';
import { radixSortIndices } from './radix';

function keysOf(values: readonly bigint[]): { hi: Uint32Array; lo: Uint32Array } {
  return {
    hi: Uint32Array.from(values, (value) => Number(value >> 32n)),
    lo: Uint32Array.from(values, (value) => Number(value & 0xffff_ffffn)),
  };
}

describe('radixSortIndices', () => {
  it('orders by the full 64-bit key and keeps ties in their given order', () => {
    const values = [5n, 2n ** 40n, 0n, 2n ** 64n - 1n, 5n, 65_536n, 65_535n, 2n ** 32n];
    const sorted = radixSortIndices(Uint32Array.from(values.keys()), keysOf(values));
    expect(Array.from(sorted)).toEqual([2, 0, 4, 6, 5, 7, 1, 3]);
  });

  it('sorts a subset given in any order, and agrees with a comparator sort on random keys', () => {
    const values = Array.from({ length: 5_000 }, (_, i) => BigInt(Math.floor(Math.abs(Math.sin(i + 1)) * 1e6)) * 2n ** 20n);
    const keys = keysOf(values);
    const subset = Uint32Array.from({ length: 2_500 }, (_, i) => 4_999 - i * 2);
    const expected = Array.from(subset).sort((a, b) => (values[a]! < values[b]! ? -1 : values[a]! > values[b]! ? 1 : 0));
    expect(Array.from(radixSortIndices(subset, keys))).toEqual(expected);
    expect(subset[0]).toBe(4_999);
  });
});
