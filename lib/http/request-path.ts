/**
 * A request path whose percent-escapes are not UTF-8 (`/api/files/%c0%af`) makes
 * Next.js fail while decoding route parameters, with a bare 500 that skips the
 * security headers. The proxy refuses such paths with a 400 first. No Node imports.
 */

/** Why the path cannot be decoded, or `null` when it can. */
export function pathProblem(pathname: string): string | null {
  try {
    decodeURIComponent(pathname);
    return null;
  } catch {
    return 'the address is not valid: its %-escapes are not UTF-8';
  }
}
