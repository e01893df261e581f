import { describe, expect, it } from 'vitest';
import { tableKey, TailReads } from './tail-reads';

const file = (cluster: string, name: string): string => `http://h/api/files/x/data/stl_query/clusterid=${cluster}/startdate=2026-11-01/${name}#size=1000`;

describe('tableKey', () => {
  it('groups the files of one table across partitions', () => {
    expect(tableKey(file('a', 'p1.parquet'))).toBe(tableKey(file('b', 'p2.parquet')));
    expect(tableKey(file('a', 'p1.parquet'))).not.toBe(tableKey(file('a', 'p1.parquet').replace('stl_query', 'stl_scan')));
  });
});

describe('TailReads', () => {
  it('leaves reads alone until a footer size is known, then widens the first tail read of the next file', () => {
    const tails = new TailReads();
    const first = file('a', 'p1.parquet');
    expect(tails.plan(first, 992, 999, 1000)).toEqual({ start: 992, end: 999 }); // length probe
    expect(tails.plan(first, 792, 991, 1000)).toEqual({ start: 792, end: 991 }); // footer (200 + 8 bytes)
    const second = file('b', 'p2.parquet');
    expect(tails.plan(second, 1992, 1999, 2000)).toEqual({ start: 2000 - 260, end: 1999 });
    // Reads away from the end, and tail reads already as long as the footer, pass through.
    expect(tails.plan(second, 10, 500, 2000)).toEqual({ start: 10, end: 500 });
    expect(tails.plan(second, 1500, 1999, 2000)).toEqual({ start: 1500, end: 1999 });
  });

  it('never widens past the start of the file', () => {
    const tails = new TailReads();
    tails.plan(file('a', 'p1.parquet'), 0, 999, 1000);
    expect(tails.plan(file('a', 'p2.parquet'), 92, 99, 100)).toEqual({ start: 0, end: 99 });
  });
});
