import { describe, expect, it } from 'vitest';
import { manifestForRole } from './manifest-for-role';
import type { CatalogManifest } from './types';

const root = '/srv/clusterscope/exports';
const manifest: CatalogManifest = {
  source: root,
  builtAt: '2026-01-01T00:00:00.000Z',
  tables: [],
  warnings: [{ path: 'stl_query/x', message: `EACCES: permission denied, scandir '${root}/stl_query/x'` }],
  problem: `No Parquet tables were found under ${root}. Expected <layout>.`,
};

describe('manifestForRole', () => {
  it('shows admins the folder as it is', () => {
    expect(manifestForRole(manifest, 'admin', root)).toBe(manifest);
  });

  it('hides the absolute folder from viewers and analysts', () => {
    for (const role of ['viewer', 'analyst'] as const) {
      const seen = manifestForRole(manifest, role, root);
      expect(JSON.stringify(seen)).not.toContain('/srv/');
      expect(seen.source).toBe('…/exports');
      expect(seen.problem).toBe('No Parquet tables were found under …/exports. Expected <layout>.');
      expect(seen.warnings[0]?.message).toBe("EACCES: permission denied, scandir '…/exports/stl_query/x'");
    }
  });

  it('names a relatively configured folder as configured', () => {
    expect(
      manifestForRole(
        { ...manifest, source: '/work/app/data/e2e/empty', problem: 'The data folder /work/app/data/e2e/empty does not exist.' },
        'viewer',
        'data/e2e/empty',
      ).problem,
    ).toBe('The data folder data/e2e/empty does not exist.');
  });

  it('leaves S3 sources alone', () => {
    const s3 = { ...manifest, source: 's3://bucket/prefix' };
    expect(manifestForRole(s3, 'viewer')).toBe(s3);
  });
});
