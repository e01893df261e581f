import { describe, expect, it } from 'vitest';
import type { ResultColumn } from '../engine/result-set';
import { bindTileSql, effectiveFilterValues, withCrossFilters } from './filter-binding';
import type { DashboardFilters } from './schema';

const filters: DashboardFilters = { defaultDays: 3, parameters: [{ name: 'max_sel', type: 'number', default: 0.05 }] };
const facts = { clusters: ['a', 'b'], days: ['2026-01-01', '2026-01-02', '2026-01-05'], version: 'v' };
const sql = 'SELECT * FROM stl_query WHERE clusterid IN {{clusters}} AND startdate BETWEEN {{days.start}} AND {{days.end}} AND x < {{max_sel}}';

describe('filter binding', () => {
  it('defaults to every cluster and the last days up to the newest partition', () => {
    const values = effectiveFilterValues(filters, facts, { params: {}, crossFilters: [], refresh: 0 }, '2030-01-01');
    expect(values).toEqual({ clusters: ['a', 'b'], days: { start: '2026-01-03', end: '2026-01-05' }, params: { max_sel: 0.05 } });
    expect(bindTileSql(sql, filters, values)).toEqual({
      sql: "SELECT * FROM stl_query WHERE clusterid IN ('a', 'b') AND startdate BETWEEN DATE '2026-01-03' AND DATE '2026-01-05' AND x < 0.05",
    });
  });

  it('binds URL values as literals, never as SQL', () => {
    const values = effectiveFilterValues(
      filters,
      facts,
      { clusters: ["a') OR 1=1 --"], params: { max_sel: '0.5' }, crossFilters: [], refresh: 0 },
      '2030-01-01',
    );
    const bound = bindTileSql(sql, filters, values);
    expect(bound).toEqual({ sql: expect.stringContaining("clusterid IN ('a'') OR 1=1 --')") });
    expect(bound).toEqual({ sql: expect.stringContaining('x < 0.5') });
    const hostile = effectiveFilterValues(filters, facts, { params: { max_sel: '1; DROP TABLE x' }, crossFilters: [], refresh: 0 }, '2030-01-01');
    expect(bindTileSql(sql, filters, hostile)).toEqual({ error: expect.stringMatching(/is not a number/) });
  });

  it('says which parameter a tile uses but the dashboard lacks', () => {
    expect(bindTileSql('SELECT {{owner}}', filters, effectiveFilterValues(filters, facts, { params: {}, crossFilters: [], refresh: 0 }, '2030-01-01'))).toEqual(
      {
        error: expect.stringContaining('{{owner}} is used in the SQL but is not a defined parameter'),
      },
    );
  });

  it('wraps a tile in cross-filters that apply to its columns only', () => {
    const columns: ResultColumn[] = [
      { name: 'category', type: 'VARCHAR', kind: 'text' },
      { name: 'hour', type: 'TIMESTAMP', kind: 'timestamp' },
      { name: 'clusterid', type: 'VARCHAR', kind: 'text' },
    ];
    const wrapped = withCrossFilters(
      'SELECT 1 -- note;',
      [
        { column: 'category', value: "it's" },
        { column: 'hour', value: '2026-01-01 10:00' },
        { column: 'clusterid', value: 'a' },
        { column: 'absent', value: 3 },
      ],
      columns,
    );
    expect(wrapped).toBe("SELECT * FROM (\nSELECT 1\n) AS tile WHERE \"category\" = 'it''s' AND CAST(\"hour\" AS VARCHAR) = '2026-01-01 10:00'");
    expect(withCrossFilters('SELECT 1;', [{ column: 'n', value: -2 }], [{ name: 'n', type: 'INTEGER', kind: 'integer' }])).toBe(
      'SELECT * FROM (\nSELECT 1\n) AS tile WHERE "n" = (-2)',
    );
    expect(withCrossFilters('SELECT 1', [{ column: 'absent', value: null }], columns)).toBe('SELECT 1');
    expect(withCrossFilters("SELECT ';' AS s; -- done\n", [{ column: 'n', value: 1 }], [{ name: 'n', type: 'INTEGER', kind: 'integer' }])).toBe(
      'SELECT * FROM (\nSELECT \';\' AS s\n) AS tile WHERE "n" = 1',
    );
  });
});
