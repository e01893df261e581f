import { describe, expect, it } from 'vitest';
import { summarizePartitions } from './partition-summary';
import type { CatalogTable } from './types';

function file(clusterid: string, startdate: string): CatalogTable['files'][number] {
  return { path: `t/clusterid=${clusterid}/startdate=${startdate}/p.parquet`, size: 1, modified: '', partition: { clusterid, startdate } };
}

describe('summarizePartitions', () => {
  it('counts files per key value, sorted', () => {
    const table: CatalogTable = {
      name: 't',
      path: 't',
      bytes: 3,
      partitionKeys: [
        { name: 'clusterid', type: 'VARCHAR' },
        { name: 'startdate', type: 'DATE' },
      ],
      files: [file('b', '2026-01-02'), file('a', '2026-01-01'), file('a', '2026-01-02')],
    };
    expect(summarizePartitions(table)).toEqual([
      { name: 'clusterid', type: 'VARCHAR', values: [{ value: 'a', files: 2 }, { value: 'b', files: 1 }] },
      { name: 'startdate', type: 'DATE', values: [{ value: '2026-01-01', files: 1 }, { value: '2026-01-02', files: 2 }] },
    ]);
  });
});
