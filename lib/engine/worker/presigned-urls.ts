/**
 * Presigned S3 URLs inside the engine worker. DuckDB is given the file route's
 * URL for every file; in presigned mode the worker swaps it for a presigned S3
 * URL that the server signs on request (only for files in its manifest), keeps
 * it until shortly before it expires, and signs again when S3 refuses it as
 * expired, so a long session never sees an expired URL. When S3 cannot be
 * reached from the browser at all (no CORS rule, private endpoint), reads fall
 * back to the file route, which proxies them.
 */

/** What the server answers for `?presign=1`. */
export interface PresignAnswer {
  url: string;
  expiresInMs: number;
}

/** Type guard for the server's answer, which is outside input. */
export function isPresignAnswer(value: unknown): value is PresignAnswer {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<PresignAnswer>;
  return typeof candidate.url === 'string' && /^https?:\/\//.test(candidate.url) && typeof candidate.expiresInMs === 'number';
}

interface Entry {
  url: string;
  renewAtMs: number;
}

/** Caches presigned URLs per file-route URL; see the module comment. */
export class PresignedUrls {
  private readonly cache = new Map<string, Entry>();
  /** Files S3 said are gone: read through the file route, which says so clearly and has the catalog listed again. */
  private readonly viaRoute = new Set<string>();
  private direct = true;

  constructor(
    /** Asks the server to sign; null when it refused (the caller then uses the file route). */
    private readonly sign: (fileRouteUrl: string) => PresignAnswer | null,
    private readonly now: () => number = Date.now,
  ) {}

  /** The URL to read `fileRouteUrl` from now: presigned, or the file route itself. */
  target(fileRouteUrl: string): string {
    if (!this.direct || this.viaRoute.has(fileRouteUrl)) return fileRouteUrl;
    const cached = this.cache.get(fileRouteUrl);
    if (cached && this.now() < cached.renewAtMs) return cached.url;
    const answer = this.sign(fileRouteUrl);
    if (answer === null) return fileRouteUrl;
    // Renew a fifth of the lifetime (at most 30 s) early, so a read never starts on a URL about to expire.
    const margin = Math.min(30_000, answer.expiresInMs / 5);
    this.cache.set(fileRouteUrl, { url: answer.url, renewAtMs: this.now() + answer.expiresInMs - margin });
    return answer.url;
  }

  /**
   * Called with S3's status for a read from `target`. Returns true when the read
   * should be tried again (it was refused as expired or unsigned: 400/403; the
   * browser could not reach S3: 0; the object is gone: 404); the next `target`
   * then signs anew or goes through the file route.
   */
  retryAfter(fileRouteUrl: string, status: number): boolean {
    if (!this.direct || this.viaRoute.has(fileRouteUrl)) return false;
    if (status === 404) {
      this.viaRoute.add(fileRouteUrl);
      return true;
    }
    if (status === 0) {
      this.direct = false;
      return true;
    }
    if (status === 400 || status === 403) {
      const had = this.cache.delete(fileRouteUrl);
      return had;
    }
    return false;
  }

  /** False once reads fell back to the file route for the rest of the session. */
  get directReads(): boolean {
    return this.direct;
  }
}
