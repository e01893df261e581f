import { describe, expect, it } from 'vitest';
import { filterColumns } from './filter-columns';

describe('filterColumns', () => {
  it('finds the compared columns of plan filters, most used first', () => {
    const filters = [
      "Filter: (((region)::text = 'emea'::text))",
      "Filter: ((order_ts >= dateadd('day'::text, -7, getdate())) AND ((region)::text = 'apac'::text))",
      "Filter: ((o.status)::text = 'open'::text)",
    ].join(' | ');
    expect(filterColumns(filters)).toEqual(['region', 'order_ts']);
    expect(filterColumns(filters, 3)).toEqual(['region', 'order_ts', 'status']);
  });

  it('finds nothing in text that has no comparison', () => {
    expect(filterColumns('')).toEqual([]);
    expect(filterColumns('Hash Cond: something')).toEqual([]);
  });
});
