import { describe, expect, it } from 'vitest';
import { buildTables } from './tables';
import type { WalkedFile } from './walk';

const file = (path: string, size = 100): WalkedFile => ({ path, size, modified: '2026-01-01T00:00:00.000Z' });

describe('buildTables', () => {
  it('groups files into sorted tables with typed keys and sorted files', () => {
    const { tables, warnings } = buildTables([
      file('d/stl_scan/clusterid=b/startdate=2026-01-02/p1.parquet', 5),
      file('d/stl_query/clusterid=a/startdate=2026-01-02/p2.parquet', 10),
      file('d/stl_query/clusterid=a/startdate=2026-01-01/p1.parquet', 20),
    ]);
    expect(warnings).toEqual([]);
    expect(tables.map((t) => t.name)).toEqual(['stl_query', 'stl_scan']);
    const query = tables[0];
    expect(query?.path).toBe('d/stl_query');
    expect(query?.bytes).toBe(30);
    expect(query?.partitionKeys).toEqual([
      { name: 'clusterid', type: 'VARCHAR' },
      { name: 'startdate', type: 'DATE' },
    ]);
    expect(query?.files.map((f) => f.path)).toEqual([
      'd/stl_query/clusterid=a/startdate=2026-01-01/p1.parquet',
      'd/stl_query/clusterid=a/startdate=2026-01-02/p2.parquet',
    ]);
    expect(query?.files[0]?.partition).toEqual({ clusterid: 'a', startdate: '2026-01-01' });
  });

  it('infers BIGINT keys', () => {
    const { tables } = buildTables([file('t/year=2025/f.parquet'), file('t/year=2026/f.parquet')]);
    expect(tables[0]?.partitionKeys).toEqual([{ name: 'year', type: 'BIGINT' }]);
  });

  it('skips zero-byte files with a warning', () => {
    const { tables, warnings } = buildTables([file('t/a=1/ok.parquet'), file('t/a=1/empty.parquet', 0)]);
    expect(tables[0]?.files.map((f) => f.path)).toEqual(['t/a=1/ok.parquet']);
    expect(warnings).toEqual([{ path: 't/a=1/empty.parquet', message: 'empty file (0 bytes), skipped' }]);
  });

  it('skips files under a plain folder after a partition folder', () => {
    const { tables, warnings } = buildTables([file('t/a=1/f.parquet'), file('t/a=1/stray/f.parquet')]);
    expect(tables[0]?.files).toHaveLength(1);
    expect(warnings[0]?.path).toBe('t/a=1/stray/f.parquet');
    expect(warnings[0]?.message).toContain('folder "stray"');
  });

  it('keeps the majority key set and skips files with other sets or orders', () => {
    const { tables, warnings } = buildTables([
      file('t/clusterid=a/startdate=2026-01-01/1.parquet'),
      file('t/clusterid=a/startdate=2026-01-02/2.parquet'),
      file('t/startdate=2026-01-03/clusterid=a/3.parquet'),
      file('t/cluster=a/4.parquet'),
    ]);
    expect(tables[0]?.files.map((f) => f.path)).toEqual(['t/clusterid=a/startdate=2026-01-01/1.parquet', 't/clusterid=a/startdate=2026-01-02/2.parquet']);
    expect(warnings.map((w) => w.path).sort()).toEqual(['t/cluster=a/4.parquet', 't/startdate=2026-01-03/clusterid=a/3.parquet']);
    expect(warnings.find((w) => w.path === 't/cluster=a/4.parquet')?.message).toBe(
      "partition keys (cluster) differ from the table's (clusterid, startdate); file skipped",
    );
  });

  it('breaks a tie between key sets the same way whatever the file order', () => {
    const files = [file('t/a=1/x.parquet'), file('t/b=1/y.parquet')];
    const one = buildTables(files);
    const two = buildTables([...files].reverse());
    expect(one.tables).toEqual(two.tables);
    expect(one.tables[0]?.partitionKeys.map((k) => k.name)).toEqual(['a']);
  });

  it('renames tables whose folder names clash', () => {
    const { tables, warnings } = buildTables([file('prod/stl_query/a=1/f.parquet'), file('dev/stl_query/a=1/f.parquet')]);
    expect(tables.map((t) => [t.name, t.path])).toEqual([
      ['stl_query_dev', 'dev/stl_query'],
      ['stl_query_prod', 'prod/stl_query'],
    ]);
    expect(warnings).toHaveLength(2);
  });
});
