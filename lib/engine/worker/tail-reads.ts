/**
 * Footers in one request instead of two. DuckDB opens a Parquet file by
 * reading its last 8 bytes (the footer length) and then the footer itself,
 * two serial round trips per file. Files of one table have footers of about
 * the same size, so once one footer has been seen, the first tail read of
 * the next file fetches the footer with it: one round trip per file, for a
 * few percent more bytes.
 */

/** How far past the largest footer seen the first tail read reaches. */
const MARGIN = 1.25;
/** A read that ends this close to the end of the file is a footer read. */
const TAIL_SLACK = 9;

/** Groups the files of one table: the URL without its Hive `key=value` folders and file name. */
export function tableKey(url: string): string {
  const bare = url.split('#')[0]?.split('?')[0] ?? url;
  return bare.replace(/\/[^/]+=[^/]*(?=\/)/g, '').replace(/\/[^/]*$/, '');
}

/** Learns each table's footer size and widens first tail reads to cover it. */
export class TailReads {
  private readonly tails = new Map<string, number>();

  /**
   * The range to fetch for a read of [start, end] in a file of `size` bytes:
   * the read itself, or, for a short read at the end of the file, the tail
   * long enough to hold the footer too.
   */
  plan(url: string, start: number, end: number, size: number): { start: number; end: number } {
    if (end < size - TAIL_SLACK) return { start, end };
    const distance = size - start;
    const key = tableKey(url);
    const known = this.tails.get(key) ?? 0;
    if (distance > known) this.tails.set(key, distance);
    if (known === 0 || distance >= known) return { start, end };
    return { start: Math.max(0, size - Math.ceil(known * MARGIN)), end };
  }
}
