import { describe, expect, it } from 'vitest';
import type { CatalogTable } from '../catalog/types';
import { rewriteAthenaSql } from '../sql/athena';
import { mentionedColumns } from './mentioned-columns';
import { filesInScope } from './partition-scope';
import { referencedTables } from './referenced-tables';
import { analyseStatement } from './statement-analysis';

function table(name: string): CatalogTable {
  return {
    name,
    path: name,
    bytes: 0,
    partitionKeys: [{ name: 'clusterid', type: 'VARCHAR' }],
    files: ['a', 'b'].map((cluster) => ({ path: `${name}/clusterid=${cluster}/part-0.parquet`, size: 1, modified: '', partition: { clusterid: cluster } })),
  };
}

const CATALOG = [table('stl_query'), table('stl_scan'), table('stl_wlm_query')];
const COLUMNS = ['query', 'querytxt', 'aborted', 'clusterid'];

describe('analyseStatement', () => {
  it('gives, from one reading, what each reader gives from the text', () => {
    for (const sql of [
      "SELECT to_hex(md5(to_utf8(querytxt))), approx_percentile(aborted, 0.5) FROM ext_stl_query q JOIN stl_scan s USING (query) WHERE q.clusterid = 'a' -- stl_wlm_query",
      'SELECT * FROM "stl_wlm_query"',
      "SELECT $$stl_query$$, date_add('day', 1, now())",
    ]) {
      const analysis = analyseStatement(sql, CATALOG);
      expect(analysis.tables.map(({ table: one }) => one.name)).toEqual(
        referencedTables(
          sql,
          CATALOG.map((one) => one.name),
        ),
      );
      for (const { table: one, files, filtered } of analysis.tables) {
        expect(files).toEqual(filesInScope(sql, one));
        expect(filtered).toBe(filesInScope(sql, one) !== one.files);
      }
      expect(analysis.mentionedColumns(COLUMNS)).toEqual(mentionedColumns(sql, COLUMNS));
      expect(analysis.engineSql).toBe(rewriteAthenaSql(sql));
    }
  });

  it("narrows the tables by the statement's constant partition filters, and keeps every file without one", () => {
    const analysis = analyseStatement("SELECT 1 FROM stl_query q, stl_scan s WHERE q.clusterid IN ('b')", CATALOG);
    expect(analysis.tables.map(({ table: one, files, filtered }) => [one.name, files.length, filtered])).toEqual([
      ['stl_query', 1, true],
      ['stl_scan', 1, true],
    ]);
    expect(analyseStatement('SELECT 1 FROM stl_scan', CATALOG).tables.map(({ files, filtered }) => [files.length, filtered])).toEqual([[2, false]]);
  });
});
