/**
 * A stable LSD radix sort of row indices by 64-bit unsigned keys held as two
 * 32-bit halves. It sorts 1,000,000 rows in tens of milliseconds where a
 * comparator sort takes several hundred, and it never allocates per row.
 */

const DIGIT_BITS = 16;
const BUCKETS = 1 << DIGIT_BITS;
const DIGIT_MASK = BUCKETS - 1;

/** Keys of `count` rows: row `i` has the 64-bit key `hi[i] * 2^32 + lo[i]`, both unsigned 32-bit. */
export interface RadixKeys {
  hi: Uint32Array;
  lo: Uint32Array;
}

/**
 * Sorts `order` (row indices into the key arrays) ascending by key, keeping
 * the given order among equal keys. Returns a new array; `order` is untouched.
 * A pass whose digit is the same for every row is skipped, so narrow keys
 * (small integers, dates) cost one or two passes.
 */
export function radixSortIndices(order: Uint32Array, keys: RadixKeys): Uint32Array {
  const n = order.length;
  let from = Uint32Array.from(order);
  if (n < 2) return from;
  let to = new Uint32Array(n);
  const counts = new Uint32Array(BUCKETS);
  const halves = [keys.lo, keys.lo, keys.hi, keys.hi];
  for (let pass = 0; pass < 4; pass += 1) {
    const half = halves[pass];
    if (!half) continue;
    const shift = pass % 2 === 0 ? 0 : DIGIT_BITS;
    counts.fill(0);
    for (let i = 0; i < n; i += 1) counts[(half[from[i]!]! >>> shift) & DIGIT_MASK]! += 1;
    // One bucket holding every row means this digit orders nothing.
    const first = (half[from[0]!]! >>> shift) & DIGIT_MASK;
    if (counts[first] === n) continue;
    let sum = 0;
    for (let bucket = 0; bucket < BUCKETS; bucket += 1) {
      const size = counts[bucket]!;
      counts[bucket] = sum;
      sum += size;
    }
    for (let i = 0; i < n; i += 1) {
      const row = from[i]!;
      const digit = (half[row]! >>> shift) & DIGIT_MASK;
      to[counts[digit]!] = row;
      counts[digit]! += 1;
    }
    const swap = from;
    from = to;
    to = swap;
  }
  return from;
}
