/**
 * Fetches the Parquet footers of the files a query is about to open, all of
 * them in two batched round trips (see lib/catalog/range-batch.ts), into the
 * worker's range cache. DuckDB-WASM then opens each file from memory instead
 * of making two serial synchronous requests per file.
 *
 * The ranges are the ones DuckDB's own reads would fetch: its file page
 * buffer reads 16 KiB pages, so the last page (holding the footer length) is
 * read first, then the pages back to the footer's start. Nothing is fetched
 * that DuckDB would not have fetched for the same files.
 */
import { fetchInBatches, type BatchDeps, type PlannedPart } from './batches';
import type { RangeCache } from './range-cache';

/** DuckDB-WASM 1.28's file page size. */
export const FILE_PAGE_BYTES = 16 * 1024;

/** A file whose footer to fetch. */
export interface FooterFile {
  /** The cache key: the file route URL without its fragment. */
  url: string;
  /** The manifest path, as the range batch names files. */
  path: string;
  size: number;
}

export interface FooterPrefetchDeps extends BatchDeps {
  cache: RangeCache;
}

interface Planned extends PlannedPart {
  file: FooterFile;
}

function pageStart(offset: number): number {
  return Math.floor(offset / FILE_PAGE_BYTES) * FILE_PAGE_BYTES;
}

/** The footer's first byte (metadata start), from the file's last 8 bytes; null when they are not a Parquet tail. */
export function footerStart(tail: Uint8Array, size: number): number | null {
  if (tail.byteLength < 8) return null;
  const end = tail.byteLength;
  const magic = String.fromCharCode(tail[end - 4] ?? 0, tail[end - 3] ?? 0, tail[end - 2] ?? 0, tail[end - 1] ?? 0);
  if (magic !== 'PAR1') return null;
  const length = new DataView(tail.buffer, tail.byteOffset + end - 8, 4).getUint32(0, true);
  const start = size - 8 - length;
  return start >= 4 ? start : null;
}

/**
 * Puts the footers of `files` (those not cached yet) in the cache. Failures
 * are left to DuckDB's own reads, which report them with DuckDB's message.
 */
export async function prefetchFooters(files: readonly FooterFile[], deps: FooterPrefetchDeps): Promise<void> {
  const wanted = files.filter((file) => file.size >= 12 && deps.cache.get(file.url, file.size - 8, file.size - 1) === null);
  const lastPages = await fetchInBatches(
    wanted.map((file) => ({ file, url: file.url, part: { path: file.path, start: pageStart(file.size - 8), end: file.size - 1 } })),
    deps,
  );
  const rest: { planned: Planned; tail: Planned; tailBytes: Uint8Array }[] = [];
  for (const [tail, tailBytes] of lastPages) {
    const start = footerStart(tailBytes, tail.file.size);
    if (start === null || start >= tail.part.start) {
      deps.cache.put(tail.file.url, tail.part.start, tailBytes);
      continue;
    }
    rest.push({
      planned: { file: tail.file, url: tail.file.url, part: { path: tail.file.path, start: pageStart(start), end: tail.part.start - 1 } },
      tail,
      tailBytes,
    });
  }
  const heads = await fetchInBatches(
    rest.map((item) => item.planned),
    deps,
  );
  for (const { planned, tail, tailBytes } of rest) {
    const head = heads.get(planned);
    if (!head) {
      deps.cache.put(tail.file.url, tail.part.start, tailBytes);
      continue;
    }
    // One entry from the footer's first page to the end, so a read spanning the two fetches is still one hit.
    const whole = new Uint8Array(head.byteLength + tailBytes.byteLength);
    whole.set(head, 0);
    whole.set(tailBytes, head.byteLength);
    deps.cache.put(tail.file.url, planned.part.start, whole);
  }
}
