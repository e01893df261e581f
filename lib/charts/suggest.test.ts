import { describe, expect, it } from 'vitest';
import type { ColumnKind, ResultColumn } from '../engine/result-set';
import { suggestChart } from './suggest';

const col = (name: string, kind: ColumnKind): ResultColumn => ({ name, kind, type: kind.toUpperCase() });

describe('suggestChart', () => {
  it('time + number gives a line, split by the first text column', () => {
    expect(suggestChart([col('hour', 'timestamp'), col('clusterid', 'text'), col('queries', 'bigint')], 100)).toMatchObject({
      type: 'line',
      x: 'hour',
      measures: ['queries'],
      series: 'clusterid',
    });
    expect(suggestChart([col('day', 'date'), col('queries', 'bigint'), col('aborted', 'bigint')], 14)).toMatchObject({
      type: 'line',
      measures: ['queries', 'aborted'],
    });
  });

  it('category + number gives a bar; text only counts rows', () => {
    expect(suggestChart([col('event', 'text'), col('alerts', 'bigint')], 7)).toMatchObject({ type: 'bar', x: 'event', measures: ['alerts'] });
    expect(suggestChart([col('event', 'text'), col('tbl', 'text'), col('alerts', 'bigint')], 7)).toMatchObject({ type: 'bar', series: 'tbl' });
    expect(suggestChart([col('event', 'text')], 7)).toMatchObject({ type: 'bar', aggregation: 'count', measures: [] });
  });

  it('one row of numbers gives a KPI, two numbers a scatter, hour × day a heatmap', () => {
    expect(suggestChart([col('queries', 'bigint')], 1)).toMatchObject({ type: 'kpi', measures: ['queries'] });
    expect(suggestChart([col('this_week', 'bigint'), col('last_week', 'bigint')], 1)).toMatchObject({ type: 'kpi', measures: ['this_week', 'last_week'] });
    expect(suggestChart([col('total_queue_time', 'bigint'), col('total_exec_time', 'bigint')], 500)).toMatchObject({ type: 'scatter', x: 'total_queue_time' });
    expect(suggestChart([col('day', 'date'), col('hour', 'integer'), col('queries', 'bigint')], 300)).toMatchObject({
      type: 'heatmap',
      x: 'hour',
      y: 'day',
      measures: ['queries'],
    });
  });

  it('falls back to a table, and fills every default', () => {
    const table = suggestChart([col('flag', 'boolean')].slice(1), 0);
    expect(table).toEqual({
      type: 'table',
      measures: [],
      aggregation: 'none',
      format: 'auto',
      stacked: false,
      horizontal: false,
      donut: false,
      maxPoints: 5000,
    });
  });
});
