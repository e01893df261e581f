import { describe, expect, it } from 'vitest';
import { scannedColumns } from './needed-bytes';

const columns = new Map([
  ['stl_query', new Set(['query', 'starttime', 'endtime', 'querytxt', 'aborted'])],
  ['stl_scan', new Set(['query', 'perm_table_name', 'rows'])],
]);

describe('scannedColumns', () => {
  it('collects projections and filter columns per table, ignoring literals and unknown names', () => {
    const plan = [
      {
        name: 'HASH_JOIN',
        children: [
          {
            name: 'SEQ_SCAN',
            extra_info: {
              Table: 'memory.main.stl_query',
              Projections: ['query', 'starttime'],
              Filters: ['aborted=1 AND prefix("trim"(querytxt), \'endtime\')'],
            },
          },
          { name: 'SEQ_SCAN', extra_info: { Table: 'memory.main.stl_scan', Projections: 'query\nrows', Filters: [] } },
          { name: 'SEQ_SCAN', extra_info: { Table: 'memory.main.stl_scan', Projections: ['perm_table_name'] } },
        ],
      },
    ];
    const out = scannedColumns(plan, columns);
    expect([...(out.get('stl_query') ?? [])].sort()).toEqual(['aborted', 'query', 'querytxt', 'starttime']);
    expect([...(out.get('stl_scan') ?? [])].sort()).toEqual(['perm_table_name', 'query', 'rows']);
  });

  it('returns nothing for a plan without table scans', () => {
    expect(scannedColumns([{ name: 'PROJECTION', children: [] }], columns).size).toBe(0);
  });
});
