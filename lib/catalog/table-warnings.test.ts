import { describe, expect, it } from 'vitest';
import { warningsForTable } from './table-warnings';
import type { CatalogManifest, CatalogTable } from './types';

const table = (name: string): CatalogTable => ({ name, path: `data/${name}`, partitionKeys: [], files: [], bytes: 0 });

describe('warningsForTable', () => {
  it('keeps only the warnings inside the table folder', () => {
    const manifest: CatalogManifest = {
      source: '/x',
      builtAt: '',
      tables: [table('stl_query'), table('stl_query_old')],
      warnings: [
        { path: 'data/stl_query/clusterid=a/bad.parquet', message: 'not a readable Parquet file' },
        { path: 'data/stl_query_old/clusterid=a/x.parquet', message: 'empty file (0 bytes), skipped' },
        { path: 'elsewhere/x.parquet', message: 'outside' },
      ],
    };
    expect(warningsForTable(manifest, table('stl_query'))).toEqual([manifest.warnings[0]]);
  });
});
