/**
 * Validators and conditional requests for served files (RFC 9110 §8.8 and §13).
 * Files are identified by size and modification time, like nginx and `send` do.
 */

/** What a response's validators are made of. */
export interface FileVersion {
  size: number;
  /** Modification time in milliseconds since the epoch. */
  mtimeMs: number;
}

/**
 * A strong ETag from size and modification time, e.g. `"1f40-18c5a3b2e10"`.
 * Strong, so browsers may use it in `If-Range` to resume or combine range reads.
 */
export function fileETag(version: FileVersion): string {
  return `"${version.size.toString(16)}-${Math.floor(version.mtimeMs).toString(16)}"`;
}

/** `Last-Modified` value (an HTTP date, whole seconds). */
export function lastModified(version: FileVersion): string {
  return new Date(version.mtimeMs).toUTCString();
}

function opaqueTag(tag: string): string {
  return tag.trim().replace(/^W\//, '');
}

/** Modification time rounded down to whole seconds, the precision of HTTP dates. */
function mtimeSeconds(version: FileVersion): number {
  return Math.floor(version.mtimeMs / 1000) * 1000;
}

/**
 * True when a GET or HEAD may be answered with 304: `If-None-Match` lists the ETag
 * (weak comparison) or is `*`; without `If-None-Match`, `If-Modified-Since` is not
 * older than the file. Evaluated before `Range`, as RFC 9110 §13.2.2 orders it.
 */
export function isNotModified(headers: Headers, version: FileVersion): boolean {
  const ifNoneMatch = headers.get('if-none-match');
  if (ifNoneMatch !== null) {
    if (ifNoneMatch.trim() === '*') return true;
    const current = opaqueTag(fileETag(version));
    return ifNoneMatch.split(',').some((tag) => opaqueTag(tag) === current);
  }
  const ifModifiedSince = headers.get('if-modified-since');
  if (ifModifiedSince === null) return false;
  const since = Date.parse(ifModifiedSince);
  return !Number.isNaN(since) && mtimeSeconds(version) <= since;
}

/**
 * True when a `Range` header may be honoured: there is no `If-Range`, or it names
 * the current ETag (strong comparison) or the exact `Last-Modified` date. Otherwise
 * the file changed since the client's copy, and the whole file must be sent.
 */
export function rangeStillValid(headers: Headers, version: FileVersion): boolean {
  const ifRange = headers.get('if-range');
  if (ifRange === null) return true;
  const value = ifRange.trim();
  if (value.startsWith('"') || value.startsWith('W/')) return value === fileETag(version);
  const date = Date.parse(value);
  return !Number.isNaN(date) && date === mtimeSeconds(version);
}
