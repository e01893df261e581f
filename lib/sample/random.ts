/**
 * Seeded randomness for the sample generator.
 *
 * Every stream is derived from a hash of a purpose key (seed, cluster, day,
 * table, ...), so a stream's values never depend on how many values some other
 * stream consumed or on the order the generator visits clusters and days.
 */

/** A deterministic source of uniform numbers in [0, 1) with helpers for the distributions the generator needs. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** Index drawn with probability proportional to its weight. */
  weightedIndex(weights: readonly number[]): number;
  /** Standard normal draw (Box-Muller). */
  normal(): number;
  /** Lognormal draw with the given median and shape; long right tail for large sigma. */
  lognormal(median: number, sigma: number): number;
  /** Lowercase hex string of the given length. */
  hex(length: number): string;
  /** A shuffled copy. */
  shuffle<T>(items: readonly T[]): T[];
}

/**
 * 32-bit FNV-1a over the parts joined with a separator, then mixed.
 * Strings and numbers hash the same way as their decimal text, which keeps keys readable.
 */
export function hashKey(...parts: ReadonlyArray<string | number>): number {
  let h = 0x811c9dc5;
  const text = parts.join('\u001f');
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // Final avalanche (murmur3 fmix32): FNV alone leaves nearby keys correlated.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** sfc32: small, fast and passes PractRand far beyond what a sample needs. */
function sfc32(a: number, b: number, c: number, d: number): () => number {
  return (): number => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

/** Creates a generator for the stream named by the key parts. */
export function createRng(...keyParts: ReadonlyArray<string | number>): Rng {
  const base = hashKey(...keyParts);
  const raw = sfc32(base, hashKey(base, 'b'), hashKey(base, 'c'), hashKey(base, 'd'));
  // Discard the warm-up outputs, which are weakly mixed for related seeds.
  for (let i = 0; i < 12; i++) raw();
  let spareNormal: number | undefined;

  const rng: Rng = {
    next: raw,
    int(min: number, max: number): number {
      return min + Math.floor(raw() * (max - min + 1));
    },
    chance(p: number): boolean {
      return raw() < p;
    },
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error('pick from an empty array');
      return items[Math.floor(raw() * items.length)] as T;
    },
    weightedIndex(weights: readonly number[]): number {
      let total = 0;
      for (const w of weights) total += w;
      let r = raw() * total;
      for (let i = 0; i < weights.length; i++) {
        r -= weights[i] ?? 0;
        if (r < 0) return i;
      }
      return weights.length - 1;
    },
    normal(): number {
      if (spareNormal !== undefined) {
        const s = spareNormal;
        spareNormal = undefined;
        return s;
      }
      const u = 1 - raw();
      const v = raw();
      const r = Math.sqrt(-2 * Math.log(u));
      spareNormal = r * Math.sin(2 * Math.PI * v);
      return r * Math.cos(2 * Math.PI * v);
    },
    lognormal(median: number, sigma: number): number {
      return median * Math.exp(sigma * rng.normal());
    },
    hex(length: number): string {
      let out = '';
      while (out.length < length) out += Math.floor(raw() * 16).toString(16);
      return out;
    },
    shuffle<T>(items: readonly T[]): T[] {
      const copy = items.slice();
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(raw() * (i + 1));
        const tmp = copy[i] as T;
        copy[i] = copy[j] as T;
        copy[j] = tmp;
      }
      return copy;
    },
  };
  return rng;
}

/** Zipf weights 1/rank^s for ranks 1..n, so a few items dominate and a long tail stays rare. */
export function zipfWeights(n: number, s: number): number[] {
  const weights: number[] = [];
  for (let rank = 1; rank <= n; rank++) weights.push(1 / Math.pow(rank, s));
  return weights;
}

/** A version-4-shaped UUID from the stream, as Spark puts in part file names. */
export function seededUuid(rng: Rng): string {
  const h = rng.hex(32).split('');
  h[12] = '4';
  h[16] = '89ab'[Math.floor(rng.next() * 4)] ?? '8';
  const s = h.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}
