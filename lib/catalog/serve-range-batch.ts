/**
 * Answers a range batch (see range-batch.ts) by running each part through the
 * file route's own single-range handler, so every check a single read gets
 * (path safety, manifest lookup, 416, S3 errors) applies to every part.
 */
import { encodeRangeBatch, RANGE_BATCH_CONTENT_TYPE, type RangeBatchPart, type RangeBatchResult } from './range-batch';

/** Answers one file path with one `Range` header, as `GET /api/files/<path>` would. */
export type ServeOneRange = (path: string, range: string) => Promise<Response>;

/** Parts read at once: enough to overlap S3 round trips, few enough to leave the server responsive. */
const CONCURRENCY = 8;

async function readPart(serveOne: ServeOneRange, part: RangeBatchPart): Promise<RangeBatchResult> {
  let response: Response;
  try {
    response = await serveOne(part.path, `bytes=${part.start}-${part.end}`);
  } catch {
    return { status: 500, bytes: new Uint8Array(0) };
  }
  // Only an exact 206 is usable: a 200 (range ignored) would put the wrong bytes at the part's offset.
  if (response.status !== 206) {
    await response.body?.cancel().catch(() => undefined);
    return { status: response.status, bytes: new Uint8Array(0) };
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  return bytes.byteLength === part.end - part.start + 1 ? { status: 206, bytes } : { status: 502, bytes: new Uint8Array(0) };
}

/** The batch answer for `parts`. */
export async function serveRangeBatch(parts: readonly RangeBatchPart[], serveOne: ServeOneRange): Promise<Response> {
  const results: RangeBatchResult[] = new Array<RangeBatchResult>(parts.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < parts.length) {
      const at = next++;
      const part = parts[at];
      if (part) results[at] = await readPart(serveOne, part);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, parts.length) }, worker));
  const body = encodeRangeBatch(results);
  return new Response(body, {
    status: 200,
    headers: { 'Content-Type': RANGE_BATCH_CONTENT_TYPE, 'Content-Length': String(body.byteLength), 'Cache-Control': 'no-store' },
  });
}
