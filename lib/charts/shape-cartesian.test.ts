import { describe, expect, it } from 'vitest';
import alerts from './fixtures/alerts-by-category.json';
import hourly from './fixtures/hourly-queries.json';
import { chartConfigSchema, type ChartConfigInput } from './config';
import { TOTAL_COLUMN } from './resolve';
import { MAX_SERIES, toCartesian } from './shape-cartesian';
import { resultFromJson, resultFromRows, type JsonFixture } from './testing/json-result';
import { LABEL_KEY, SELECT_KEY, X_KEY, type CartesianData } from './types';

const config = (input: ChartConfigInput) => chartConfigSchema.parse(input);

function shaped(input: ChartConfigInput, fixture: JsonFixture): CartesianData {
  const outcome = toCartesian(config(input), resultFromJson(fixture));
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.data;
}

describe('toCartesian', () => {
  it('pivots a series column into one key per value, ordered by time, values exact', () => {
    const data = shaped({ type: 'line', x: 'hour', measures: ['queries'], series: 'clusterid', aggregation: 'sum' }, hourly as JsonFixture);
    expect(data.xAxis).toBe('time');
    expect(data.series.map((series) => [series.key, series.label, series.format])).toEqual([
      ['s0_0', 'prod-a', 'number'],
      ['s0_1', 'prod-b', 'number'],
    ]);
    expect(data.rows).toEqual([
      { [X_KEY]: Date.UTC(2026, 10, 14, 9), [LABEL_KEY]: '2026-11-14 09:00', [SELECT_KEY]: '2026-11-14 09:00:00', s0_0: 10, s0_1: null },
      { [X_KEY]: Date.UTC(2026, 10, 14, 10), [LABEL_KEY]: '2026-11-14 10:00', [SELECT_KEY]: '2026-11-14 10:00:00', s0_0: 12, s0_1: 7 },
      { [X_KEY]: Date.UTC(2026, 10, 14, 11), [LABEL_KEY]: '2026-11-14 11:00', [SELECT_KEY]: '2026-11-14 11:00:00', s0_0: 20, s0_1: 5 },
    ]);
    expect(data.cap).toBeNull();
  });

  it('applies each aggregation to rows sharing an X and series', () => {
    const at11 = (aggregation: ChartConfigInput['aggregation']) =>
      shaped({ type: 'bar', x: 'hour', measures: ['queries'], series: 'clusterid', aggregation }, hourly as JsonFixture).rows[2]?.s0_1;
    expect(at11('none')).toBe(2);
    expect(at11('sum')).toBe(5);
    expect(at11('avg')).toBe(2.5);
    expect(at11('min')).toBe(2);
    expect(at11('max')).toBe(3);
    expect(at11('count')).toBe(2);
  });

  it('labels several measures by measure, and resolves their formats from the names', () => {
    const data = shaped({ type: 'line', x: 'hour', measures: ['queries', 'total_exec_time'], aggregation: 'sum' }, hourly as JsonFixture);
    expect(data.series.map((series) => [series.label, series.format])).toEqual([
      ['queries', 'number'],
      ['total_exec_time', 'duration-us'],
    ]);
    expect(data.rows.map((row) => row.s1_0)).toEqual([1_000_000, 1_750_000, 4_100_000]);
  });

  it('keeps categories in the order they first appear, with a label for null', () => {
    const data = shaped({ type: 'bar', x: 'category', measures: ['alerts'], aggregation: 'sum' }, alerts as JsonFixture);
    expect(data.xAxis).toBe('category');
    expect(data.rows.map((row) => [row[LABEL_KEY], row[SELECT_KEY], row.s0_0])).toEqual([
      ['Nested Loop Join', 'Nested Loop Join', 45],
      ['Missing query planner statistics', 'Missing query planner statistics', 25],
      ['Very selective query filter', 'Very selective query filter', 9],
      ['(null)', null, 1],
    ]);
  });

  it('counts rows per category when counting without a measure', () => {
    const data = shaped({ type: 'bar', x: 'tbl', aggregation: 'count' }, alerts as JsonFixture);
    expect(data.series.map((series) => series.label)).toEqual(['count']);
    expect(data.rows.map((row) => [row[LABEL_KEY], row.s0_0])).toEqual([
      ['orders', 2],
      ['lineitem', 3],
    ]);
  });

  it('says which column is missing instead of throwing', () => {
    const outcome = toCartesian(config({ type: 'line', x: 'hour', measures: ['gone'] }), resultFromJson(hourly as JsonFixture));
    expect(outcome).toEqual({
      ok: false,
      message: 'The chart uses the column "gone", which this result does not have. Its columns are: hour, clusterid, queries, total_exec_time.',
    });
    expect(toCartesian(config({ type: 'line', x: 'nope' }), resultFromJson(hourly as JsonFixture)).ok).toBe(false);
    expect(toCartesian(config({ type: 'line', x: 'hour', series: 'nope', measures: ['queries'] }), resultFromJson(hourly as JsonFixture)).ok).toBe(false);
  });

  it('refuses text measures and incomplete settings with a message', () => {
    const result = resultFromJson(hourly as JsonFixture);
    expect(toCartesian(config({ type: 'bar', x: 'hour', measures: ['clusterid'] }), result)).toMatchObject({
      ok: false,
      message: expect.stringContaining('not a number'),
    });
    expect(toCartesian(config({ type: 'bar', measures: ['queries'] }), result)).toEqual({ ok: false, message: 'Pick a column for X.' });
    expect(toCartesian(config({ type: 'bar', x: 'hour' }), result)).toMatchObject({ ok: false, message: expect.stringContaining('measure') });
  });

  it('reads at most maxPoints rows and reports the cap, taking the total from the aggregated query when present', () => {
    const columns = [
      { name: 'i', type: 'INTEGER', kind: 'integer' as const },
      { name: 'v', type: 'DOUBLE', kind: 'float' as const },
    ];
    const rows = Array.from({ length: 25 }, (_, i) => [i, i * 2]);
    const plain = toCartesian(config({ type: 'line', x: 'i', measures: ['v'], maxPoints: 10 }), resultFromRows(columns, rows));
    expect(plain.ok && plain.data.rows.length).toBe(10);
    expect(plain.ok && plain.data.cap).toEqual({ shown: 10, total: 25 });
    const withTotal = resultFromRows(
      [...columns, { name: TOTAL_COLUMN, type: 'BIGINT', kind: 'bigint' }],
      rows.slice(0, 11).map((row) => [...row, 1_000_000n]),
    );
    const aggregated = toCartesian(config({ type: 'line', x: 'i', measures: ['v'], maxPoints: 10 }), withTotal);
    expect(aggregated.ok && aggregated.data.cap).toEqual({ shown: 10, total: 1_000_000 });
  });

  it('draws at most MAX_SERIES series and counts the rest', () => {
    const columns = [
      { name: 'x', type: 'VARCHAR', kind: 'text' as const },
      { name: 's', type: 'VARCHAR', kind: 'text' as const },
      { name: 'v', type: 'INTEGER', kind: 'integer' as const },
    ];
    const rows = Array.from({ length: MAX_SERIES + 6 }, (_, i) => ['a', `s${i}`, i]);
    const outcome = toCartesian(config({ type: 'bar', x: 'x', series: 's', measures: ['v'] }), resultFromRows(columns, rows));
    expect(outcome.ok && outcome.data.series.length).toBe(MAX_SERIES);
    expect(outcome.ok && outcome.data.hiddenSeries).toBe(6);
  });
});
