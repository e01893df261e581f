import { describe, expect, it } from 'vitest';
import type { CatalogTable, PartitionKey } from '../catalog/types';
import { filesInScope, keyConstraint } from './partition-scope';

const KEYS: PartitionKey[] = [
  { name: 'clusterid', type: 'VARCHAR' },
  { name: 'startdate', type: 'DATE' },
];
const table: CatalogTable = {
  name: 'stl_query',
  path: 'stl_query',
  bytes: 0,
  partitionKeys: KEYS,
  files: ['a', 'b', "o'k"].flatMap((cluster) =>
    ['2026-11-01', '2026-11-02', '2026-11-03'].map((day) => ({
      path: `stl_query/clusterid=${cluster}/startdate=${day}/part-0.parquet`,
      size: 1,
      modified: '',
      partition: { clusterid: cluster, startdate: day },
    })),
  ),
};

function scoped(sql: string): string[] {
  return filesInScope(sql, table).map((file) => `${file.partition.clusterid}/${file.partition.startdate}`);
}

describe('filesInScope', () => {
  it('follows IN lists, equality and BETWEEN on the partition keys, qualified or not', () => {
    expect(scoped("SELECT * FROM stl_query q WHERE q.clusterid IN ('a', 'o''k') AND startdate BETWEEN DATE '2026-11-02' AND DATE '2026-11-02'")).toEqual([
      'a/2026-11-02',
      "o'k/2026-11-02",
    ]);
    expect(scoped("SELECT * FROM stl_query WHERE clusterid = 'b' AND startdate >= '2026-11-02'")).toEqual(['b/2026-11-02', 'b/2026-11-03']);
    expect(scoped("SELECT * FROM stl_query WHERE startdate > DATE '2026-11-02'")).toEqual(['a/2026-11-03', 'b/2026-11-03', "o'k/2026-11-03"]);
  });

  it('keeps every file when the SQL has no filter on the keys', () => {
    expect(scoped('SELECT count(*) FROM stl_query')).toHaveLength(9);
    expect(scoped("SELECT * FROM stl_query -- WHERE clusterid = 'a'\n")).toHaveLength(9);
  });

  it('ignores a key name inside a string literal', () => {
    expect(keyConstraint("SELECT 'clusterid = ''a''' AS s", { name: 'clusterid', type: 'VARCHAR' })?.values).toBeUndefined();
  });
});

describe('filesInScope with the lexer', () => {
  it('ignores filters inside nested comments and dollar-quoted strings', () => {
    expect(scoped("SELECT * FROM stl_query /* a /* b */ WHERE clusterid = 'a' */")).toHaveLength(9);
    expect(scoped("SELECT $$ WHERE clusterid = 'a' $$ FROM stl_query")).toHaveLength(9);
  });

  it('takes an IN list only when every item is a constant', () => {
    expect(scoped("SELECT * FROM stl_query WHERE clusterid IN ('a', other_column)")).toHaveLength(9);
    expect(scoped("SELECT * FROM stl_query WHERE \"clusterid\" IN ('a') AND startdate < '2026-11-02'")).toEqual(['a/2026-11-01']);
  });

  it('does not take a longer column name that ends in the key for the key', () => {
    expect(scoped("SELECT * FROM stl_query WHERE old_clusterid = 'a'")).toHaveLength(9);
  });
});
