import { describe, expect, it } from 'vitest';
import type { CatalogTable } from '../catalog/types';
import { groupSources } from './view-sources';
import type { RegisteredFile } from './views';

function table(paths: string[]): CatalogTable {
  return {
    name: 'stl_scan',
    path: 'data/stl_scan',
    bytes: 0,
    partitionKeys: [
      { name: 'clusterid', type: 'VARCHAR' },
      { name: 'startdate', type: 'DATE' },
    ],
    files: paths.map((p) => {
      const [, clusterid, startdate] = /clusterid=([^/]*)\/startdate=([^/]*)/.exec(p) ?? [];
      return { path: `data/stl_scan/${p}`, size: 1, modified: '', partition: { clusterid: clusterid ?? '', startdate: startdate ?? '' } };
    }),
  };
}

function registered(t: CatalogTable, group = 0): RegisteredFile[] {
  return t.files.map((f) => ({ name: `stl_scan/${f.path.slice('data/stl_scan/'.length)}`, url: '', path: f.path, schemaGroup: group }));
}

const PATHS = ['clusterid=a/startdate=2026-11-01/p1.parquet', 'clusterid=a/startdate=2026-11-02/p2.parquet', 'clusterid=b/startdate=2026-11-01/p3.parquet'];

describe('groupSources', () => {
  it('replaces the files under each cluster with one glob when the group holds all of them', () => {
    const t = table(PATHS);
    const files = registered(t);
    expect(groupSources(t, files, files)).toEqual(['stl_scan/clusterid=a/*/*', 'stl_scan/clusterid=b/*/*']);
  });

  it('lists by name a cluster with a file left out (unreadable) or split across schema groups', () => {
    const t = table(PATHS);
    const files = registered(t);
    const readable = files.filter((f) => !f.name.endsWith('p2.parquet'));
    expect(groupSources(t, readable, readable)).toEqual(['stl_scan/clusterid=a/startdate=2026-11-01/p1.parquet', 'stl_scan/clusterid=b/*/*']);
    const mixed = files.map((f) => (f.name.endsWith('p2.parquet') ? { ...f, schemaGroup: 1 } : f));
    const groupZero = mixed.filter((f) => f.schemaGroup === 0);
    expect(groupSources(t, groupZero, mixed)).toEqual(['stl_scan/clusterid=a/startdate=2026-11-01/p1.parquet', 'stl_scan/clusterid=b/*/*']);
  });

  it('never globs a prefix holding glob characters, and keeps names when there are no partition keys', () => {
    const t = table(['clusterid=a*/startdate=2026-11-01/p1.parquet']);
    const files = registered(t);
    expect(groupSources(t, files, files)).toEqual(['stl_scan/clusterid=a*/startdate=2026-11-01/p1.parquet']);
    const flat = { ...t, partitionKeys: [] };
    expect(groupSources(flat, files, files)).toEqual(files.map((f) => f.name));
  });
});
