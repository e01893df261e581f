import { describe, expect, it } from 'vitest';
import { inferPartitionKeyType, isIsoDate, isSafeIntegerText, parseHivePath, parsePartitionSegment, unescapePathPart } from './hive';

const split = (p: string): string[] => p.split('/');

describe('parseHivePath', () => {
  it('parses the Redshift export layout', () => {
    const result = parseHivePath(split('extract_redshift_query_logs/data/stl_query/clusterid=prod-1/startdate=2026-01-02/part-00000-abc.c000.snappy.parquet'));
    expect(result).toEqual({
      ok: true,
      location: {
        tablePath: 'extract_redshift_query_logs/data/stl_query',
        tableName: 'stl_query',
        partition: [
          { key: 'clusterid', value: 'prod-1' },
          { key: 'startdate', value: '2026-01-02' },
        ],
      },
    });
  });

  it('parses cluster=/date= keys', () => {
    const result = parseHivePath(split('stl_scan/cluster=a/date=2026-11-01/part-0.parquet'));
    expect(result.ok && result.location.partition.map((p) => p.key)).toEqual(['cluster', 'date']);
    expect(result.ok && result.location.tablePath).toBe('stl_scan');
  });

  it('parses an extra region= level', () => {
    const result = parseHivePath(split('logs/stl_wlm_query/region=eu-west-1/cluster=a/date=2026-11-01/x.parquet'));
    expect(result.ok && result.location).toEqual({
      tablePath: 'logs/stl_wlm_query',
      tableName: 'stl_wlm_query',
      partition: [
        { key: 'region', value: 'eu-west-1' },
        { key: 'cluster', value: 'a' },
        { key: 'date', value: '2026-11-01' },
      ],
    });
  });

  it('uses the parent folder as the table when there are no partitions', () => {
    expect(parseHivePath(split('a/stl_query/part-0.parquet'))).toEqual({
      ok: true,
      location: { tablePath: 'a/stl_query', tableName: 'stl_query', partition: [] },
    });
  });

  it('URL-decodes keys and values', () => {
    const result = parseHivePath(split('t/ts=2026-01-01 10%3A00%3A00/name=a%2Fb%25c/f.parquet'));
    expect(result.ok && result.location.partition).toEqual([
      { key: 'ts', value: '2026-01-01 10:00:00' },
      { key: 'name', value: 'a/b%c' },
    ]);
  });

  it('rejects a plain folder after a partition folder, naming it', () => {
    const result = parseHivePath(split('t/clusterid=a/extra/startdate=2026-01-01/f.parquet'));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain('"extra"');
    expect(!result.ok && result.reason).toContain('clusterid=a');
  });

  it('rejects files outside any table folder and repeated keys', () => {
    expect(parseHivePath(['f.parquet']).ok).toBe(false);
    expect(parseHivePath(split('a=1/f.parquet')).ok).toBe(false);
    const repeated = parseHivePath(split('t/a=1/a=2/f.parquet'));
    expect(!repeated.ok && repeated.reason).toContain('"a"');
  });
});

describe('parsePartitionSegment', () => {
  it('splits on the first = and allows empty values', () => {
    expect(parsePartitionSegment('k=v=w')).toEqual({ key: 'k', value: 'v=w' });
    expect(parsePartitionSegment('k=')).toEqual({ key: 'k', value: '' });
    expect(parsePartitionSegment('=v')).toBeNull();
    expect(parsePartitionSegment('plain')).toBeNull();
  });
});

describe('unescapePathPart', () => {
  it('decodes Spark escapes and survives malformed ones', () => {
    expect(unescapePathPart('a%3Ab')).toBe('a:b');
    expect(unescapePathPart('caf%C3%A9')).toBe('café');
    expect(unescapePathPart('100%')).toBe('100%');
    expect(unescapePathPart('50%zz%3A')).toBe('50%zz:');
  });
});

describe('type inference', () => {
  it('recognises real dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-1-01')).toBe(false);
  });

  it('recognises safe integers without leading zeros', () => {
    expect(isSafeIntegerText('0')).toBe(true);
    expect(isSafeIntegerText('-12')).toBe(true);
    expect(isSafeIntegerText('007')).toBe(false);
    expect(isSafeIntegerText('-0')).toBe(false);
    expect(isSafeIntegerText('9007199254740992')).toBe(false);
    expect(isSafeIntegerText('1.5')).toBe(false);
  });

  it('infers DATE, BIGINT and VARCHAR from all values', () => {
    expect(inferPartitionKeyType(['2026-01-01', '2026-01-02'])).toBe('DATE');
    expect(inferPartitionKeyType(['2026-01-01', '2026-02-30'])).toBe('VARCHAR');
    expect(inferPartitionKeyType(['1', '42', '-3'])).toBe('BIGINT');
    expect(inferPartitionKeyType(['1', '01'])).toBe('VARCHAR');
    expect(inferPartitionKeyType(['1', 'prod'])).toBe('VARCHAR');
    expect(inferPartitionKeyType(['99999999999999999999'])).toBe('VARCHAR');
    expect(inferPartitionKeyType([])).toBe('VARCHAR');
    expect(inferPartitionKeyType(['__HIVE_DEFAULT_PARTITION__', '7'])).toBe('BIGINT');
  });
});
