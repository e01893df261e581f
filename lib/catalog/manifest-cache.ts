/**
 * Keeps the built manifest in server memory for a short time, so that each browser
 * request does not walk the folder again, yet new export files show up within a minute.
 */
import { buildManifest } from './build-manifest';
import { s3Manifest } from '../s3/route';
import { resolveSource, type ResolvedSource } from './source';
import type { CatalogManifest } from './types';

/** How long a built manifest is served before the next request rebuilds it. */
export const MANIFEST_TTL_MS = 60_000;

/** Options for {@link ManifestCache.get} and {@link getManifest}. */
export interface GetManifestOptions {
  /** Rebuild now instead of serving a cached manifest (joins a build already running). */
  refresh?: boolean;
  /**
   * Answer at once with the last manifest even if its TTL has passed, rebuilding in
   * the background. For the file route: a range read must not wait for a folder walk,
   * and the browser only asks for files from a manifest it has already fetched.
   */
  allowStale?: boolean;
}

/** A manifest cache; see {@link createManifestCache}. */
export interface ManifestCache {
  /** The manifest for the currently configured source, cached or freshly built. */
  get(options?: GetManifestOptions): Promise<CatalogManifest>;
  /** Forgets every cached manifest, so the next `get` rebuilds. */
  invalidate(): void;
}

/** What a cache needs from the outside world; tests replace each part. */
export interface ManifestCacheDeps {
  resolve: () => ResolvedSource;
  build: (source: ResolvedSource) => Promise<CatalogManifest>;
  now: () => number;
  ttlMs: number;
}

interface Entry {
  manifest?: CatalogManifest;
  builtAtMs: number;
  inFlight?: Promise<CatalogManifest>;
}

/**
 * Creates a cache keyed by source. Concurrent callers share one in-flight build; a
 * failed build is not cached, so the next call tries again. A build that was running
 * when `invalidate` was called still answers the callers already waiting for it, but
 * is not kept, and later callers start a new build.
 */
export function createManifestCache(deps: Partial<ManifestCacheDeps> = {}): ManifestCache {
  const { resolve = () => resolveSource(), build = (source) => buildManifest(source), now = Date.now, ttlMs = MANIFEST_TTL_MS } = deps;
  const entries = new Map<string, Entry>();
  let generation = 0;

  const startBuild = (key: string, source: ResolvedSource, entry: Entry): Promise<CatalogManifest> => {
    const startedIn = generation;
    const settle = (): void => {
      if (entry.inFlight === inFlight) entry.inFlight = undefined;
    };
    const inFlight: Promise<CatalogManifest> = build(source).then(
      (manifest) => {
        settle();
        if (startedIn === generation) {
          entry.manifest = manifest;
          entry.builtAtMs = now();
        }
        return manifest;
      },
      (error: unknown) => {
        settle();
        throw error;
      },
    );
    entry.inFlight = inFlight;
    entries.set(key, entry);
    return inFlight;
  };

  return {
    async get(options = {}) {
      const source = resolve();
      const key = `${source.kind}:${source.source}`;
      const entry = entries.get(key) ?? { builtAtMs: 0 };
      const fresh = entry.manifest !== undefined && now() - entry.builtAtMs < ttlMs;
      if (entry.manifest && options.allowStale && !options.refresh) {
        // A failed background build is simply retried by the next call.
        if (!fresh && !entry.inFlight) startBuild(key, source, entry).catch(() => undefined);
        return entry.manifest;
      }
      if (entry.inFlight) return entry.inFlight;
      if (fresh && !options.refresh && entry.manifest) return entry.manifest;
      return startBuild(key, source, entry);
    },
    invalidate() {
      generation += 1;
      for (const entry of entries.values()) {
        entry.manifest = undefined;
        entry.inFlight = undefined;
      }
    },
  };
}

// Next.js may load this module once per route bundle (and again on every dev
// reload), so the shared cache lives on globalThis rather than in a module variable.
const GLOBAL_KEY = Symbol.for('clusterscope.catalog.manifestCache');
type GlobalWithCache = typeof globalThis & { [GLOBAL_KEY]?: ManifestCache };

function sharedCache(): ManifestCache {
  const holder = globalThis as GlobalWithCache;
  holder[GLOBAL_KEY] ??= createManifestCache();
  return holder[GLOBAL_KEY];
}

/**
 * The manifest for the configured source (`CLUSTERSCOPE_SOURCE`), from the
 * process-wide cache. Cached for {@link MANIFEST_TTL_MS}; `refresh` forces a rebuild.
 */
export function getManifest(options: GetManifestOptions = {}): Promise<CatalogManifest> {
  const source = resolveSource();
  // An S3 catalog keeps its own state and refreshes incrementally on its own schedule.
  if (source.kind === 's3' || source.kind === 's3-multi') return s3Manifest(source, { refresh: options.refresh });
  return sharedCache().get(options);
}

/** Drops the process-wide cached manifest, e.g. after a listed file turned out to be gone. */
export function invalidateManifest(): void {
  sharedCache().invalidate();
}
