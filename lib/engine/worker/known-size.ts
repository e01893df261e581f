/**
 * File sizes travel to the worker in the URL fragment (`#size=<bytes>`), which
 * is never sent to the server and never changes a signed URL. With the size
 * known, DuckDB's HEAD request per file can be answered in the worker.
 */

const SIZE_PARAM = 'size';

/** Appends the size to a file URL. */
export function withKnownSize(url: string, size: number): string {
  return `${url}#${SIZE_PARAM}=${size}`;
}

/** The size carried by a URL, or null when it has none. */
export function knownSize(url: string): number | null {
  const hash = url.indexOf('#');
  if (hash < 0) return null;
  const value = new URLSearchParams(url.slice(hash + 1)).get(SIZE_PARAM);
  if (value === null || !/^\d{1,15}$/.test(value)) return null;
  return Number(value);
}
