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
      {
        name: 'clusterid',
        type: 'VARCHAR',
        values: [
          { value: 'a', files: 2 },
          { value: 'b', files: 1 },
        ],
      },
      {
        name: 'startdate',
        type: 'DATE',
        values: [
          { value: '2026-01-01', files: 1 },
          { value: '2026-01-02', files: 2 },
        ],
      },
    ]);
  });
});

describe('distinctPartitionValues and partitionKeyOfType', () => {
  it('collects values across tables and finds the date key', async () => {
    const { distinctPartitionValues, partitionKeyOfType } = await import('./partition-summary');
    const keys: CatalogTable['partitionKeys'] = [
      { name: 'clusterid', type: 'VARCHAR' },
      { name: 'startdate', type: 'DATE' },
    ];
    const tables: CatalogTable[] = [
      { name: 'a', path: 'a', bytes: 0, partitionKeys: keys, files: [file('z', '2026-01-02'), file('b', '2026-01-01')] },
      { name: 'b', path: 'b', bytes: 0, partitionKeys: keys, files: [file('b', '2026-01-03')] },
    ];
    expect(distinctPartitionValues(tables, 'clusterid')).toEqual(['b', 'z']);
    expect(distinctPartitionValues(tables, 'startdate')).toEqual(['2026-01-01', '2026-01-02', '2026-01-03']);
    expect(partitionKeyOfType(tables, 'DATE')).toBe('startdate');
    expect(partitionKeyOfType(tables, 'BIGINT')).toBeUndefined();
  });
});
