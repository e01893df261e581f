'use client';

import { useEffect, useState } from 'react';
import { useCatalog } from '@/components/catalog/useCatalog';
import type { CatalogManifest } from '@/lib/catalog/types';
import type { EngineClient } from '@/lib/engine/client';

export type EngineState =
  | { phase: 'catalog' }
  | { phase: 'catalog-error'; message: string }
  | { phase: 'empty'; manifest: CatalogManifest }
  | { phase: 'starting'; manifest: CatalogManifest; progress: string }
  | { phase: 'ready'; manifest: CatalogManifest; engine: EngineClient; readyMs: number }
  | { phase: 'failed'; manifest: CatalogManifest; message: string };

type Outcome =
  | { manifest: CatalogManifest; progress: string }
  | { manifest: CatalogManifest; engine: EngineClient; readyMs: number }
  | { manifest: CatalogManifest; message: string };

/**
 * Loads the catalog, then starts the engine on it. One engine per page; it is
 * started again only when a refresh changed the files (see `nextCatalogState`).
 */
export function useEngine(): EngineState {
  const catalog = useCatalog();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const manifest = catalog.state?.manifest;

  useEffect(() => {
    // The wasm download overlaps the catalog request instead of following it.
    void import('@/lib/engine/client').then(({ preloadEngine }) => preloadEngine(window.location.origin));
  }, []);

  useEffect(() => {
    if (!manifest || manifest.tables.length === 0) return;
    let disposed = false;
    let engine: EngineClient | null = null;
    const started = performance.now();
    (async () => {
      const { EngineClient } = await import('@/lib/engine/client');
      engine = await EngineClient.start({
        origin: window.location.origin,
        manifest,
        onProgress: (progress) => {
          if (!disposed) setOutcome({ manifest, progress });
        },
      });
      if (disposed) {
        await engine.close();
        return;
      }
      setOutcome({ manifest, engine, readyMs: performance.now() - started });
    })().catch((error: unknown) => {
      if (!disposed) setOutcome({ manifest, message: error instanceof Error ? error.message : String(error) });
    });
    return () => {
      disposed = true;
      void engine?.close();
    };
  }, [manifest]);

  if (catalog.error && !manifest) return { phase: 'catalog-error', message: catalog.error.message };
  if (!manifest) return { phase: 'catalog' };
  if (manifest.tables.length === 0) return { phase: 'empty', manifest };
  if (!outcome || outcome.manifest !== manifest) return { phase: 'starting', manifest, progress: 'Loading the engine' };
  if ('engine' in outcome) return { phase: 'ready', ...outcome };
  if ('message' in outcome) return { phase: 'failed', ...outcome };
  return { phase: 'starting', ...outcome };
}
