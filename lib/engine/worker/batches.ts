/**
 * Range batches as the prefetchers send them: planned parts split into
 * batches of bounded size, fetched at once, each batch reported with the
 * bytes it brought and the files they belong to.
 */
import type { RangeBatchPart, RangeBatchResult } from '../../catalog/range-batch';

/** Parts per batch and bytes per batch: a fleet week's footers fit in a few batches, and no answer is huge. */
const BATCH_PARTS = 1_000;
const BATCH_BYTES = 8 * 1024 * 1024;

/** One part to fetch, for one file (its cache key). */
export interface PlannedPart {
  url: string;
  part: RangeBatchPart;
}

export interface BatchDeps {
  fetchBatch: (parts: RangeBatchPart[]) => Promise<RangeBatchResult[]>;
  /** Reports one batch: the bytes it brought and the files they belong to. */
  report: (files: string[], bytes: number) => void;
}

function lengthOf(item: PlannedPart): number {
  return item.part.end - item.part.start + 1;
}

/** Splits `items` into batches of at most BATCH_PARTS parts and BATCH_BYTES bytes (a larger single part goes alone). */
export function batchesOf<T extends PlannedPart>(items: readonly T[]): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    if (current.length > 0 && (current.length >= BATCH_PARTS || bytes + lengthOf(item) > BATCH_BYTES)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += lengthOf(item);
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** The parts of one batch that came back whole (206, exact length), added to `out`; returns their bytes. */
export function wholeParts<T extends PlannedPart>(batch: readonly T[], results: readonly RangeBatchResult[], out: Map<T, Uint8Array>): number {
  let received = 0;
  batch.forEach((item, at) => {
    const result = results[at];
    if (!result || result.status !== 206 || result.bytes.byteLength !== lengthOf(item)) return;
    out.set(item, result.bytes);
    received += result.bytes.byteLength;
  });
  return received;
}

/** Fetches every item; the map holds the bytes of each part that came back whole. */
export async function fetchInBatches<T extends PlannedPart>(items: readonly T[], deps: BatchDeps): Promise<Map<T, Uint8Array>> {
  const out = new Map<T, Uint8Array>();
  await Promise.all(
    batchesOf(items).map(async (batch) => {
      const received = wholeParts(batch, await deps.fetchBatch(batch.map((item) => item.part)), out);
      deps.report(
        batch.map((item) => item.url),
        received,
      );
    }),
  );
  return out;
}
