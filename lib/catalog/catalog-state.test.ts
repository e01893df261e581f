import { describe, expect, it } from 'vitest';
import { describeChanges, nextCatalogState, sameCatalogContent } from './catalog-state';
import type { CatalogManifest } from './types';

function manifest(builtAt: string, paths: string[], extra: Partial<CatalogManifest> = {}): CatalogManifest {
  return {
    source: 's3://b/p/',
    builtAt,
    warnings: [],
    tables: [{ name: 't', path: 't', partitionKeys: [], bytes: 1, files: paths.map((path) => ({ path, size: 1, modified: builtAt, partition: {} })) }],
    ...extra,
  };
}

describe('catalog state across refreshes', () => {
  it('keeps the manifest the engine uses when a refresh found nothing new', () => {
    const first = nextCatalogState(undefined, manifest('2026-01-01T00:00:00.000Z', ['t/a.parquet']));
    const second = nextCatalogState(
      first,
      manifest('2026-01-01T00:05:00.000Z', ['t/a.parquet'], { changes: { kind: 'incremental', added: 0, removed: 0, newPartitions: [] } }),
    );
    expect(second.manifest).toBe(first.manifest);
    expect(second.status.refreshedAt).toBe('2026-01-01T00:05:00.000Z');
    expect(describeChanges(second.status.changes)).toBe('no changes');
  });

  it('replaces it when files, schema groups or the source status changed', () => {
    const first = nextCatalogState(undefined, manifest('a', ['t/a.parquet']));
    expect(nextCatalogState(first, manifest('b', ['t/a.parquet', 't/b.parquet'])).manifest).not.toBe(first.manifest);
    const grouped = manifest('b', ['t/a.parquet']);
    grouped.tables[0]!.files[0]!.schemaGroup = 0;
    expect(sameCatalogContent(first.manifest, grouped)).toBe(false);
    expect(sameCatalogContent(first.manifest, manifest('c', ['t/a.parquet'], { problem: 'down' }))).toBe(false);
  });

  it('describes what changed', () => {
    expect(describeChanges({ kind: 'incremental', added: 3, removed: 0, newPartitions: ['t/x=1'] })).toBe('3 new files, 1 new partition');
    expect(describeChanges({ kind: 'full', added: 1, removed: 2, newPartitions: [] })).toBe('1 new file, 2 files gone');
    expect(describeChanges(undefined)).toBe('full listing');
  });
});
