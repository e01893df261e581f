import { describe, expect, it } from 'vitest';
import type { CatalogManifest, CatalogTable } from '../catalog/types';
import { filesToPrefetch } from './prefetch';
import type { EngineTable } from './table-views';

function file(cluster: string, day: string): CatalogTable['files'][number] {
  return {
    path: `stl_query/clusterid=${cluster}/startdate=${day}/p.parquet`,
    size: 100,
    modified: '2026-01-01T00:00:00Z',
    partition: { clusterid: cluster, startdate: day },
  };
}

const table: CatalogTable = {
  name: 'stl_query',
  path: 'stl_query',
  partitionKeys: [
    { name: 'clusterid', type: 'VARCHAR' },
    { name: 'startdate', type: 'DATE' },
  ],
  files: [file('a', '2026-01-01'), file('a', '2026-01-02'), file('b', '2026-01-01')],
  bytes: 300,
};
const manifest: CatalogManifest = { source: '/data', builtAt: '2026-01-01T00:00:00Z', tables: [table], warnings: [] };
const engineTables: EngineTable[] = [
  {
    name: 'stl_query',
    columns: ['query', 'starttime', 'aborted', 'clusterid', 'startdate'].map((name) => ({ name, type: 'VARCHAR' })),
    partitionKeys: table.partitionKeys,
    fileCount: 3,
    skipped: [],
  },
];

describe('filesToPrefetch', () => {
  it('lists the files the partition filters select, with the columns the SQL names', () => {
    const entries = filesToPrefetch("SELECT query, aborted FROM stl_query WHERE clusterid = 'a' AND startdate = DATE '2026-01-02'", manifest, engineTables);
    expect(entries.map((entry) => entry.file.path)).toEqual([table.files[1]!.path]);
    expect(entries[0]!.columns).toEqual(['query', 'aborted', 'clusterid', 'startdate']);
  });

  it('leaves a table without partition filters to DuckDB, and asks for every column of a star select', () => {
    expect(filesToPrefetch('SELECT query FROM stl_query LIMIT 10', manifest, engineTables)).toEqual([]);
    expect(filesToPrefetch("SELECT * FROM stl_query WHERE clusterid = 'b'", manifest, engineTables).map((entry) => entry.columns)).toEqual([null]);
  });
});
