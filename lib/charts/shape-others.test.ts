import { describe, expect, it } from 'vitest';
import alerts from './fixtures/alerts-by-category.json';
import heat from './fixtures/daily-heat.json';
import hourly from './fixtures/hourly-queries.json';
import wlm from './fixtures/wlm-by-class.json';
import { chartConfigSchema, type ChartConfigInput } from './config';
import { shapeChart } from './registry';
import { MAX_SLICES, toPie } from './shape-pie';
import { relativeChange, toKpi } from './shape-kpi';
import { toHeatmap } from './shape-heatmap';
import { toScatter } from './shape-scatter';
import { toTable } from './shape-table';
import { resultFromJson, resultFromRows, type JsonFixture } from './testing/json-result';
import type { Shaped } from './types';

const config = (input: ChartConfigInput) => chartConfigSchema.parse(input);
const data = <T>(outcome: Shaped<T>): T => {
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.data;
};

describe('toPie', () => {
  it('gives one slice per category, biggest first, empty categories left out', () => {
    const pie = data(toPie(config({ type: 'pie', x: 'category', measures: ['alerts'] }), resultFromJson(alerts as JsonFixture)));
    expect(pie.slices.map((slice) => [slice.label, slice.value, slice.select])).toEqual([
      ['Nested Loop Join', 45, 'Nested Loop Join'],
      ['Missing query planner statistics', 25, 'Missing query planner statistics'],
      ['Very selective query filter', 9, 'Very selective query filter'],
      ['(null)', 1, null],
    ]);
  });

  it('merges the long tail into one Other slice that selects nothing', () => {
    const columns = [
      { name: 'c', type: 'VARCHAR', kind: 'text' as const },
      { name: 'n', type: 'INTEGER', kind: 'integer' as const },
    ];
    const rows = Array.from({ length: 20 }, (_, i) => [`c${i}`, 100 - i]);
    const pie = data(toPie(config({ type: 'pie', x: 'c', measures: ['n'] }), resultFromRows(columns, rows)));
    expect(pie.slices).toHaveLength(MAX_SLICES);
    const other = pie.slices.at(-1);
    expect(other).toEqual({ label: 'Other (9)', value: rows.slice(11).reduce((sum, row) => sum + Number(row[1]), 0), select: null, other: true });
  });
});

describe('toScatter', () => {
  it('plots one point per row, split by series, rows missing a number left out', () => {
    const scatter = data(
      toScatter(config({ type: 'scatter', x: 'total_queue_time', measures: ['total_exec_time'], series: 'final_state' }), resultFromJson(wlm as JsonFixture)),
    );
    expect(scatter.xFormat).toBe('duration-us');
    expect(scatter.groups).toEqual([
      {
        label: 'Completed',
        points: [
          { x: 0, y: 1_200_000 },
          { x: 500_000, y: 3_400_000 },
          { x: 0, y: 90_000 },
        ],
      },
      { label: 'Evicted', points: [{ x: 2_000_000, y: 600_000_000 }] },
    ]);
  });

  it('needs a number or time X', () => {
    expect(toScatter(config({ type: 'scatter', x: 'final_state', measures: ['total_exec_time'] }), resultFromJson(wlm as JsonFixture))).toMatchObject({
      ok: false,
    });
  });
});

describe('toKpi', () => {
  it('compares the latest period with the one before', () => {
    const kpi = data(toKpi(config({ type: 'kpi', x: 'hour', measures: ['queries'] }), resultFromJson(hourly as JsonFixture)));
    expect(kpi).toMatchObject({ value: 25, previous: 19, periodLabel: '2026-11-14 11:00', previousLabel: '2026-11-14 10:00' });
    expect(kpi.change).toBeCloseTo(6 / 19);
  });

  it('shows a single value, and a second measure as the previous value', () => {
    const columns = [
      { name: 'this_week', type: 'BIGINT', kind: 'bigint' as const },
      { name: 'last_week', type: 'BIGINT', kind: 'bigint' as const },
    ];
    const kpi = data(toKpi(config({ type: 'kpi', measures: ['this_week', 'last_week'] }), resultFromRows(columns, [[90n, 120n]])));
    expect(kpi).toMatchObject({ value: 90, previous: 120, change: -0.25, previousLabel: 'last_week' });
    expect(data(toKpi(config({ type: 'kpi', measures: ['this_week'] }), resultFromRows(columns, []))).value).toBeNull();
  });

  it('has no change against zero or a missing previous value', () => {
    expect(relativeChange(5, 0)).toBeNull();
    expect(relativeChange(5, null)).toBeNull();
    expect(relativeChange(-5, -10)).toBe(0.5);
  });
});

describe('toHeatmap', () => {
  it('fills an ordered hour × day grid, summing rows in one cell', () => {
    const grid = data(toHeatmap(config({ type: 'heatmap', x: 'hour', y: 'day', measures: ['queries'] }), resultFromJson(heat as JsonFixture)));
    expect(grid.xLabels).toEqual(['9', '10', '23']);
    expect(grid.yLabels).toEqual(['2026-11-14', '2026-11-15', '2026-11-16']);
    expect(grid.values).toEqual([
      [10, 20, null],
      [30, 10, null],
      [null, null, 1],
    ]);
    expect([grid.min, grid.max]).toEqual([1, 30]);
  });

  it('needs a Y column', () => {
    expect(toHeatmap(config({ type: 'heatmap', x: 'hour', measures: ['queries'] }), resultFromJson(heat as JsonFixture))).toEqual({
      ok: false,
      message: 'Pick a column for Y.',
    });
  });
});

describe('toTable', () => {
  it('formats the chosen columns, or all of them', () => {
    const result = resultFromJson(hourly as JsonFixture);
    const picked = data(toTable(config({ type: 'table', x: 'hour', measures: ['total_exec_time'] }), result));
    expect(picked.columns.map((column) => column.name)).toEqual(['hour', 'total_exec_time']);
    expect(picked.rows[0]).toEqual(['2026-11-14 10:00', '1.5 s']);
    expect(data(toTable(config({ type: 'table' }), result)).columns).toHaveLength(4);
  });
});

describe('shapeChart', () => {
  it('dispatches every type through the registry and never throws on a column the result lacks', () => {
    const result = resultFromJson(hourly as JsonFixture);
    for (const type of ['line', 'area', 'bar', 'pie', 'scatter', 'kpi', 'heatmap', 'table'] as const) {
      const outcome = shapeChart(config({ type, x: 'hour', y: 'missing_y', measures: ['missing'] }), result);
      expect(outcome.ok, type).toBe(false);
    }
  });
});
