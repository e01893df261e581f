/**
 * HTTP `Range` request headers (RFC 9110 §14), for one file of known size.
 *
 * Only a single byte range is served. A header with several ranges is ignored and
 * the whole file is sent with 200, which RFC 9110 allows (a server may ignore Range);
 * DuckDB asks for one range at a time, so multipart responses would be dead weight.
 */

/** What to send for a request: the whole file, one inclusive byte range, or 416. */
export type RangeResult =
  | { kind: 'full' }
  | {
      kind: 'partial';
      /** First byte, inclusive. */
      start: number;
      /** Last byte, inclusive (as in `Content-Range`). */
      end: number;
    }
  | { kind: 'unsatisfiable' };

const FULL: RangeResult = { kind: 'full' };
const UNSATISFIABLE: RangeResult = { kind: 'unsatisfiable' };
const RANGE_SPEC = /^(\d*)-(\d*)$/;

/**
 * Decides how to answer a `Range` header for a file of `size` bytes.
 *
 * - `bytes=a-b` serves a..min(b, size-1); `bytes=a-` serves a..size-1.
 * - `bytes=-n` serves the last n bytes, or the whole file when n exceeds it.
 * - Unsatisfiable (416): a start at or past the end, a zero-length suffix (`-0`),
 *   or any range of an empty file.
 * - Ignored (200 full): no header, another unit, malformed syntax, `b < a`, or
 *   more than one range.
 */
export function parseRange(header: string | null | undefined, size: number): RangeResult {
  if (header === null || header === undefined) return FULL;
  const eq = header.indexOf('=');
  if (eq === -1 || header.slice(0, eq).trim().toLowerCase() !== 'bytes') return FULL;

  const specs = header
    .slice(eq + 1)
    .split(',')
    .map((spec) => spec.trim())
    .filter((spec) => spec !== '');
  if (specs.length !== 1) return FULL;

  const match = RANGE_SPEC.exec(specs[0] ?? '');
  if (match === null) return FULL;
  const [, first = '', last = ''] = match;

  if (first === '') {
    if (last === '') return FULL; // "bytes=-" is not a range
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return UNSATISFIABLE;
    return { kind: 'partial', start: Math.max(0, size - suffix), end: size - 1 };
  }

  const start = Number(first);
  const end = last === '' ? Infinity : Number(last);
  if (end < start) return FULL; // invalid range-spec: the header is ignored
  if (start >= size) return UNSATISFIABLE;
  return { kind: 'partial', start, end: Math.min(end, size - 1) };
}

/**
 * The `Content-Range` value for a result: the served range and the size for a 206,
 * an asterisk and the size for a 416, and undefined for a full response.
 */
export function contentRange(result: RangeResult, size: number): string | undefined {
  if (result.kind === 'partial') return `bytes ${result.start}-${result.end}/${size}`;
  if (result.kind === 'unsatisfiable') return `bytes */${size}`;
  return undefined;
}
