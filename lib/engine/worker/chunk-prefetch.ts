/**
 * The column chunks a query will read, fetched in batches before it runs.
 * Once a file's footer is in the range cache (footer-prefetch.ts), its
 * metadata (parsed with hyparquet) says where each column chunk lies; the
 * chunks of the columns the SQL mentions, in every row group, are fetched in
 * range batches, so DuckDB's serial synchronous reads hit the cache.
 *
 * Ranges are widened to DuckDB-WASM's 16 KiB file pages, reach 64 KiB past
 * the chunk for its read-ahead, and are merged across gaps smaller than a
 * page, so a read DuckDB makes is served from the cache (a read that runs
 * further fetches only the bytes it lacks; see range-cache.ts). What DuckDB skips by
 * row-group statistics is fetched anyway; the bytes are reported like every
 * other read, so the query's bytes-fetched figure stays honest. Only the
 * plan's first window is fetched up front (see read-ahead.ts).
 */
import { parquetMetadata, type FileMetaData } from 'hyparquet';
import { fetchInBatches, type BatchDeps, type PlannedPart } from './batches';
import { FILE_PAGE_BYTES, footerStart, type FooterFile } from './footer-prefetch';
import type { RangeCache } from './range-cache';
import type { ReadAhead } from './read-ahead';

/**
 * DuckDB-WASM's page buffer reads ahead once it reads a file sequentially: it
 * asks for 64 KiB past the page it needs, then more. Parts of chunks longer
 * than a page reach this far past the chunk, so that read-ahead is a cache hit too.
 */
export const READ_AHEAD_BYTES = 64 * 1024;

/** A file and the columns of it the query mentions (null: every column). */
export interface ChunkFile extends FooterFile {
  columns: string[] | null;
}

export interface ChunkPrefetchDeps extends BatchDeps {
  cache: RangeCache;
  /** Parsed footers by URL, kept across queries (files never change under a URL). */
  metadata: Map<string, FileMetaData>;
}

/** Most parsed footers kept; each is a few KB of objects. */
const METADATA_ENTRIES = 20_000;

function metadataOf(file: FooterFile, deps: Pick<ChunkPrefetchDeps, 'cache' | 'metadata'>): FileMetaData | null {
  const known = deps.metadata.get(file.url);
  if (known) return known;
  const tail = deps.cache.get(file.url, file.size - 8, file.size - 1);
  const start = tail ? footerStart(new Uint8Array(tail), file.size) : null;
  const footer = start === null ? null : deps.cache.get(file.url, start, file.size - 1);
  if (!footer) return null;
  let metadata: FileMetaData;
  try {
    metadata = parquetMetadata(footer);
  } catch {
    // DuckDB reads the file itself and reports what is wrong with it.
    return null;
  }
  if (deps.metadata.size >= METADATA_ENTRIES) deps.metadata.clear();
  deps.metadata.set(file.url, metadata);
  return metadata;
}

/** The page-aligned, merged byte ranges of the wanted columns' chunks in one file. */
export function chunkRanges(metadata: FileMetaData, columns: readonly string[] | null, size: number): { start: number; end: number }[] {
  const wanted = columns === null ? null : new Set(columns.map((column) => column.toLowerCase()));
  const ranges: { start: number; end: number }[] = [];
  for (const group of metadata.row_groups) {
    for (const chunk of group.columns) {
      const meta = chunk.meta_data;
      const name = meta?.path_in_schema[0]?.toLowerCase();
      if (!meta || name === undefined || (wanted !== null && !wanted.has(name))) continue;
      const dictionary = meta.dictionary_page_offset === undefined ? null : Number(meta.dictionary_page_offset);
      const data = Number(meta.data_page_offset);
      const first = dictionary !== null && dictionary > 0 && dictionary < data ? dictionary : data;
      const last = first + Number(meta.total_compressed_size) - 1;
      if (!(first >= 0 && last >= first && last < size)) continue;
      const [firstPage, lastPage] = [Math.floor(first / FILE_PAGE_BYTES), Math.floor(last / FILE_PAGE_BYTES)];
      // Read-ahead starts once DuckDB reads a second page in a row; a chunk inside one page never triggers it.
      const ahead = lastPage > firstPage ? READ_AHEAD_BYTES : 0;
      ranges.push({ start: firstPage * FILE_PAGE_BYTES, end: Math.min(size - 1, (lastPage + 1) * FILE_PAGE_BYTES - 1 + ahead) });
    }
  }
  ranges.sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const range of ranges) {
    const previous = merged.at(-1);
    if (previous && range.start <= previous.end + 1 + FILE_PAGE_BYTES) previous.end = Math.max(previous.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

/** The parts to fetch for `files`: their wanted chunks not cached yet, file by file in the given order. */
export function planChunks(files: readonly ChunkFile[], deps: Pick<ChunkPrefetchDeps, 'cache' | 'metadata'>): PlannedPart[] {
  const planned: PlannedPart[] = [];
  for (const file of files) {
    if (file.columns !== null && file.columns.length === 0) continue;
    const metadata = metadataOf(file, deps);
    if (!metadata) continue;
    for (const range of chunkRanges(metadata, file.columns, file.size)) {
      if (deps.cache.get(file.url, range.start, range.end) === null) planned.push({ url: file.url, part: { path: file.path, ...range } });
    }
  }
  return planned;
}

/**
 * Plans the chunks of `files` and fetches the plan's first window; the rest is
 * fetched a window at a time as the query reaches it (see read-ahead.ts).
 * Failures are left to DuckDB's own reads.
 */
export async function prefetchChunks(files: readonly ChunkFile[], deps: ChunkPrefetchDeps, readAhead: ReadAhead): Promise<void> {
  const window = readAhead.start(planChunks(files, deps));
  for (const [item, bytes] of await fetchInBatches(window, deps)) deps.cache.put(item.url, item.part.start, bytes);
}
