import { describe, expect, it } from 'vitest';
import { createManifestCache } from './manifest-cache';
import type { ResolvedSource } from './source';
import type { CatalogManifest } from './types';

function setup(options: { source?: () => ResolvedSource; fail?: boolean } = {}) {
  let clock = 1_000;
  let builds = 0;
  const pending: Array<() => void> = [];
  const cache = createManifestCache({
    resolve: options.source ?? (() => ({ kind: 'local', source: '/a', root: '/a' })),
    ttlMs: 60_000,
    now: () => clock,
    build: async (source) => {
      builds += 1;
      const n = builds;
      await new Promise<void>((resolve) => pending.push(resolve));
      if (options.fail && n === 1) throw new Error('disk on fire');
      const manifest: CatalogManifest = { source: source.source, builtAt: String(n), tables: [], warnings: [] };
      return manifest;
    },
  });
  const flush = async (): Promise<void> => {
    while (pending.length > 0) pending.shift()?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { cache, flush, builds: () => builds, advance: (ms: number) => (clock += ms) };
}

describe('createManifestCache', () => {
  it('shares one in-flight build between concurrent callers', async () => {
    const { cache, flush, builds } = setup();
    const a = cache.get();
    const b = cache.get({ refresh: true });
    await flush();
    expect(await a).toBe(await b);
    expect(builds()).toBe(1);
  });

  it('serves the cached manifest within the TTL and rebuilds after it', async () => {
    const { cache, flush, builds, advance } = setup();
    const first = cache.get();
    await flush();
    expect((await first).builtAt).toBe('1');
    expect((await cache.get()).builtAt).toBe('1');
    advance(60_001);
    const later = cache.get();
    await flush();
    expect((await later).builtAt).toBe('2');
    expect(builds()).toBe(2);
  });

  it('rebuilds on refresh and after invalidate', async () => {
    const { cache, flush } = setup();
    const first = cache.get();
    await flush();
    await first;
    const refreshed = cache.get({ refresh: true });
    await flush();
    expect((await refreshed).builtAt).toBe('2');
    cache.invalidate();
    const rebuilt = cache.get();
    await flush();
    expect((await rebuilt).builtAt).toBe('3');
  });

  it('answers allowStale callers from the expired manifest while rebuilding', async () => {
    const { cache, flush, builds, advance } = setup();
    const first = cache.get();
    await flush();
    await first;
    advance(60_001);
    expect((await cache.get({ allowStale: true })).builtAt).toBe('1');
    expect(builds()).toBe(2);
    expect((await cache.get({ allowStale: true })).builtAt).toBe('1');
    expect(builds()).toBe(2);
    await flush();
    expect((await cache.get({ allowStale: true })).builtAt).toBe('2');
  });

  it('makes allowStale callers wait when there is no manifest yet', async () => {
    const { cache, flush } = setup();
    const first = cache.get({ allowStale: true });
    await flush();
    expect((await first).builtAt).toBe('1');
  });

  it('does not cache a failed build', async () => {
    const { cache, flush } = setup({ fail: true });
    const failing = expect(cache.get()).rejects.toThrow('disk on fire');
    await flush();
    await failing;
    const retry = cache.get();
    await flush();
    expect((await retry).builtAt).toBe('2');
  });

  it('keys the cache by source', async () => {
    let root = '/a';
    const { cache, flush } = setup({ source: () => ({ kind: 'local', source: root, root }) });
    const a = cache.get();
    await flush();
    expect((await a).source).toBe('/a');
    root = '/b';
    const b = cache.get();
    await flush();
    expect((await b).source).toBe('/b');
  });
});
