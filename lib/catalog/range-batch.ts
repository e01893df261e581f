/**
 * Many byte ranges of many catalog files in one HTTP round trip. DuckDB-WASM
 * reads files with one synchronous request per range, so a query over a few
 * hundred part files waits on a few hundred serial round trips; the engine
 * worker fetches what it can predict (footers) this way before the query
 * starts, and DuckDB's own reads then hit the worker's range cache.
 *
 * Request: `POST /api/files` with `{ "parts": [{ "path", "start", "end" }] }`
 * (`end` inclusive, paths as the manifest lists them).
 * Answer: a 4-byte big-endian length, that many bytes of JSON
 * `[{ "status", "length" }]` (one per part, in order), then the parts' bytes
 * back to back. A part that failed (404, 416, 403 from S3, …) has its status
 * and length 0; the batch itself still answers 200, and DuckDB's own read of
 * that range later gets the real error.
 */
import { z } from '../validation/zod';

/** Media type of a batch answer. */
export const RANGE_BATCH_CONTENT_TYPE = 'application/vnd.clusterscope.ranges';

/** Most parts in one batch: twice what the engine sends (lib/engine/worker/batches.ts). */
export const MAX_BATCH_PARTS = 2_000;

/** Most bytes one batch may ask for, summed over its parts: twice the engine's batch size. */
export const MAX_BATCH_BYTES = 16 * 1024 * 1024;

/** One range of one file. */
export interface RangeBatchPart {
  path: string;
  /** First byte. */
  start: number;
  /** Last byte, inclusive. */
  end: number;
}

/** What came back for one part. */
export interface RangeBatchResult {
  status: number;
  bytes: Uint8Array;
}

const offset = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const requestSchema = z.object({
  parts: z
    .array(z.object({ path: z.string().min(1).max(4_096), start: offset, end: offset }).refine((part) => part.end >= part.start, 'end is before start'))
    .min(1)
    .max(MAX_BATCH_PARTS),
});

/** The parts a request body asks for and their total bytes, or a message saying what is wrong with it (413: too much). */
export function parseRangeBatchRequest(
  body: unknown,
): { ok: true; parts: RangeBatchPart[]; bytes: number } | { ok: false; status: 400 | 413; message: string } {
  const count =
    typeof body === 'object' && body !== null && Array.isArray((body as { parts?: unknown }).parts) ? (body as { parts: unknown[] }).parts.length : 0;
  if (count > MAX_BATCH_PARTS) return { ok: false, status: 413, message: `a range batch may have at most ${MAX_BATCH_PARTS} parts; this one has ${count}` };
  const parsed = requestSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    return {
      ok: false,
      status: 400,
      message: `a range batch is { "parts": [{ "path", "start", "end" }] } with 1 to ${MAX_BATCH_PARTS} parts: ${issue?.message ?? 'invalid'}${where}`,
    };
  }
  const bytes = parsed.data.parts.reduce((sum, part) => sum + part.end - part.start + 1, 0);
  if (bytes > MAX_BATCH_BYTES)
    return {
      ok: false,
      status: 413,
      message: `a range batch may ask for at most ${MAX_BATCH_BYTES / 1024 / 1024} MiB; this one asks for ${(bytes / 1024 / 1024).toFixed(1)} MiB`,
    };
  return { ok: true, parts: parsed.data.parts, bytes };
}

/** The answer body for the parts' results, in request order. */
export function encodeRangeBatch(results: readonly RangeBatchResult[]): Uint8Array<ArrayBuffer> {
  const index = new TextEncoder().encode(JSON.stringify(results.map((result) => ({ status: result.status, length: result.bytes.byteLength }))));
  const total = 4 + index.byteLength + results.reduce((sum, result) => sum + result.bytes.byteLength, 0);
  const out = new Uint8Array(total);
  new DataView(out.buffer).setUint32(0, index.byteLength, false);
  out.set(index, 4);
  let at = 4 + index.byteLength;
  for (const result of results) {
    out.set(result.bytes, at);
    at += result.bytes.byteLength;
  }
  return out;
}

const indexSchema = z.array(z.object({ status: z.number().int().min(100).max(599), length: z.number().int().min(0) }));

/** Splits an answer into `count` results; throws with a reason when the answer is not one for `count` parts. */
export function decodeRangeBatch(buffer: ArrayBuffer, count: number): RangeBatchResult[] {
  if (buffer.byteLength < 4) throw new Error('range batch answer is shorter than its header');
  const indexLength = new DataView(buffer).getUint32(0, false);
  if (4 + indexLength > buffer.byteLength) throw new Error('range batch answer is shorter than its index');
  let index: unknown;
  try {
    index = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, 4, indexLength)));
  } catch {
    throw new Error('range batch index is not JSON');
  }
  const parsed = indexSchema.safeParse(index);
  if (!parsed.success || parsed.data.length !== count) throw new Error(`range batch index does not describe ${count} parts`);
  let at = 4 + indexLength;
  const results = parsed.data.map((entry) => {
    const result = { status: entry.status, bytes: new Uint8Array(buffer, at, Math.min(entry.length, Math.max(0, buffer.byteLength - at))) };
    at += entry.length;
    return result;
  });
  if (at !== buffer.byteLength) throw new Error('range batch answer length does not match its index');
  return results;
}
