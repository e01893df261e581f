/**
 * Byte ranges of remote files kept in the engine worker, so a repeated query
 * (a dashboard refresh, a re-run, the next tile over the same partitions)
 * reads its column chunks and footers from memory instead of repeating
 * DuckDB's serial range requests. Part files never change under a URL (a new
 * export run writes a new file), so entries never go stale; the least
 * recently used ones are dropped once the cap is reached.
 */

interface Entry {
  url: string;
  start: number;
  bytes: Uint8Array;
}

/** A least-recently-used cache of file byte ranges with a byte cap. */
export class RangeCache {
  private readonly entries = new Map<string, Entry>();
  private readonly byUrl = new Map<string, Set<Entry>>();
  private held = 0;

  /** @param capBytes most bytes held at once; larger ranges are never cached. */
  constructor(readonly capBytes: number) {}

  /** Bytes held now. */
  get size(): number {
    return this.held;
  }

  /**
   * The bytes [start, end] (inclusive) of url, copied out, if cached ranges
   * cover them: one range, or several that meet or overlap (a read that runs
   * from a prefetched chunk into the next one, or into the footer).
   */
  get(url: string, start: number, end: number): ArrayBuffer | null {
    const list = this.byUrl.get(url);
    if (!list || end < start) return null;
    for (const entry of list) {
      const from = start - entry.start;
      const to = end - entry.start + 1;
      if (from < 0 || to > entry.bytes.byteLength) continue;
      this.touch(entry);
      return entry.bytes.slice(from, to).buffer;
    }
    const pieces = this.cover(list, start, end);
    if (!pieces) return null;
    const out = new Uint8Array(end - start + 1);
    for (const { entry, from, to } of pieces) {
      this.touch(entry);
      out.set(entry.bytes.subarray(from - entry.start, to - entry.start + 1), from - start);
    }
    return out.buffer;
  }

  /**
   * The smallest span of [start, end] that the cache does not hold (from the
   * first byte missing to the last), or null when it holds all of it: what to
   * fetch so that `get` can answer the whole read.
   */
  missingSpan(url: string, start: number, end: number): { start: number; end: number } | null {
    const sorted = [...(this.byUrl.get(url) ?? [])].sort((a, b) => a.start - b.start);
    let first = start;
    for (const entry of sorted) {
      if (entry.start > first) break;
      first = Math.max(first, entry.start + entry.bytes.byteLength);
    }
    if (first > end) return null;
    let last = end;
    for (const entry of sorted.reverse()) {
      const entryEnd = entry.start + entry.bytes.byteLength - 1;
      if (entryEnd < last) break;
      if (entry.start <= last) last = Math.min(last, entry.start - 1);
    }
    return { start: first, end: Math.max(first, last) };
  }

  /** Entries that together cover [start, end], each with the span it gives; null when there is a hole. */
  private cover(list: Set<Entry>, start: number, end: number): { entry: Entry; from: number; to: number }[] | null {
    const sorted = [...list].filter((entry) => entry.start <= end && entry.start + entry.bytes.byteLength > start).sort((a, b) => a.start - b.start);
    const pieces: { entry: Entry; from: number; to: number }[] = [];
    let next = start;
    for (const entry of sorted) {
      if (entry.start > next) return null;
      const entryEnd = entry.start + entry.bytes.byteLength - 1;
      if (entryEnd < next) continue;
      const to = Math.min(end, entryEnd);
      pieces.push({ entry, from: next, to });
      next = to + 1;
      if (next > end) return pieces;
    }
    return null;
  }

  /** Moves an entry to the most recently used end. */
  private touch(entry: Entry): void {
    const key = keyOf(entry.url, entry.start, entry.bytes.byteLength);
    this.entries.delete(key);
    this.entries.set(key, entry);
  }

  /** Keeps a copy of bytes read from url at offset start (a view into a larger answer is copied out alone). */
  put(url: string, start: number, body: ArrayBuffer | Uint8Array): void {
    const length = body.byteLength;
    if (length === 0 || length > this.capBytes) return;
    const key = keyOf(url, start, length);
    if (this.entries.has(key)) return;
    const entry: Entry = { url, start, bytes: body instanceof Uint8Array ? body.slice() : new Uint8Array(body.slice(0)) };
    this.entries.set(key, entry);
    const list = this.byUrl.get(url) ?? new Set<Entry>();
    list.add(entry);
    this.byUrl.set(url, list);
    this.held += length;
    for (const [oldKey, old] of this.entries) {
      if (this.held <= this.capBytes) break;
      this.entries.delete(oldKey);
      const oldList = this.byUrl.get(old.url);
      oldList?.delete(old);
      if (oldList?.size === 0) this.byUrl.delete(old.url);
      this.held -= old.bytes.byteLength;
    }
  }
}

function keyOf(url: string, start: number, length: number): string {
  return `${start}:${length}:${url}`;
}

/** Parses a `bytes=a-b` Range header with both ends given; null for anything else. */
export function parseByteRange(header: string | null): { start: number; end: number } | null {
  const match = header === null ? null : /^bytes=(\d{1,15})-(\d{1,15})$/.exec(header.trim());
  if (!match) return null;
  const start = Number(match[1]);
  const end = Number(match[2]);
  return end >= start ? { start, end } : null;
}
