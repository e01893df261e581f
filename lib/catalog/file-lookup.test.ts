import { describe, expect, it } from 'vitest';
import { catalogFileLocation, checkRequestPath, findCatalogFile } from './file-lookup';
import type { CatalogFile, CatalogManifest } from './types';

const listed: CatalogFile = {
  path: 'data/stl_query/clusterid=a/startdate=2026-01-01/part-0.parquet',
  size: 10,
  modified: '2026-01-01T00:00:00.000Z',
  partition: { clusterid: 'a', startdate: '2026-01-01' },
};
const escaped: CatalogFile = { ...listed, path: 'data/t/ts=10%3A00/p%20q.parquet' };
const manifest: CatalogManifest = {
  source: '/root',
  builtAt: '2026-01-01T00:00:00.000Z',
  tables: [
    { name: 'stl_query', path: 'data/stl_query', partitionKeys: [], files: [listed], bytes: 10 },
    { name: 't', path: 'data/t', partitionKeys: [], files: [escaped], bytes: 10 },
  ],
  warnings: [],
};

describe('findCatalogFile', () => {
  it('finds listed files by exact path, including ones with % in their names', () => {
    expect(findCatalogFile(manifest, listed.path)).toBe(listed);
    expect(findCatalogFile(manifest, escaped.path)).toBe(escaped);
  });

  it('returns null for paths not in the manifest', () => {
    expect(findCatalogFile(manifest, 'data/stl_query/clusterid=a/startdate=2026-01-01/other.parquet')).toBeNull();
    expect(findCatalogFile(manifest, 'data/stl_query')).toBeNull();
    expect(findCatalogFile(manifest, listed.path.toUpperCase())).toBeNull();
    expect(findCatalogFile(manifest, 'data/t/ts=10:00/p q.parquet')).toBeNull();
  });

  it.each(['../x', '/etc/passwd', '%2e%2e/x', 'data/%2E%2E/%2e%2e/etc/passwd', 'data/./x', 'a\\..\\b', 'a\u0000b', 'C:/x', 'a//b', ''])(
    'refuses %j',
    (requested) => {
      expect(checkRequestPath(requested).ok).toBe(false);
      expect(findCatalogFile(manifest, requested)).toBeNull();
    },
  );

  it('accepts names that merely contain dots or escapes', () => {
    expect(checkRequestPath('a/..b/c..parquet').ok).toBe(true);
    expect(checkRequestPath('t/v=a%2Fb/x.parquet').ok).toBe(true);
  });
});

describe('catalogFileLocation', () => {
  it('joins the manifest path to the root', () => {
    expect(catalogFileLocation('/root', listed)).toBe(`/root/${listed.path}`);
  });

  it('refuses an entry that would leave the root', () => {
    expect(() => catalogFileLocation('/root', { ...listed, path: '../etc/passwd' })).toThrow('outside');
  });
});
