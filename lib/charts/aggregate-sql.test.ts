/**
 * The aggregation SQL runs on DuckDB-WASM 1.28 (the browser's engine, Node
 * build): it must be valid for every chart type, and a chart drawn from its
 * result must equal the chart drawn from the full result in JavaScript.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resultSetFromBatches, type ResultSet } from '../engine/result-set';
import { startNodeEngine, type NodeEngine } from '../engine/testing/node-engine';
import { aggregatePlan, needsAggregation, quoteIdentifier } from './aggregate-sql';
import { CHART_TYPES, chartConfigSchema, type ChartConfig, type ChartConfigInput } from './config';
import { shapeChart } from './registry';
import { TOTAL_COLUMN } from './resolve';

let engine: NodeEngine;

beforeAll(async () => {
  engine = await startNodeEngine();
}, 60_000);

afterAll(() => engine?.close());

function run(sql: string): ResultSet {
  const table = engine.conn.query(sql);
  return resultSetFromBatches(table.schema.fields, table.batches);
}

/** 2,000 rows: 5 clusters × 400 hours; "the hour" has a space and a quote-free name that needs quoting. */
const SOURCE = `SELECT TIMESTAMP '2026-11-01 00:00:00' + INTERVAL (i // 5) HOUR AS "the hour",
  'c' || (i % 5) AS cluster, (i * 7) % 13 AS queries, (i % 3) * 1000000 AS total_exec_time, hour(TIMESTAMP '2026-11-01' + INTERVAL (i // 5) HOUR) AS hr
FROM range(2000) t(i) -- a trailing comment
;`;

const config = (input: ChartConfigInput): ChartConfig => chartConfigSchema.parse(input);

function planned(input: ChartConfigInput): { full: ResultSet; aggregated: ResultSet; plan: { sql: string; config: ChartConfig } } {
  const full = run(SOURCE);
  const plan = aggregatePlan(SOURCE, config(input), full.columns);
  if (!plan) throw new Error('no plan');
  return { full, aggregated: run(plan.sql), plan };
}

describe('quoting', () => {
  it('quotes identifiers', () => {
    expect(quoteIdentifier('a "b"')).toBe('"a ""b"""');
  });
});

describe('aggregatePlan on DuckDB-WASM', () => {
  it('gives the same line as shaping the full result, grouped by X and series', () => {
    const input: ChartConfigInput = {
      type: 'line',
      x: 'the hour',
      series: 'cluster',
      measures: ['queries', 'total_exec_time'],
      aggregation: 'sum',
      maxPoints: 5000,
    };
    const { full, aggregated, plan } = planned(input);
    expect(aggregated.rowCount).toBe(2000);
    expect(shapeChart(plan.config, aggregated)).toEqual(shapeChart(config(input), full));
  });

  it('caps at maxPoints + 1 rows and states the total before the limit', () => {
    const { aggregated, plan } = planned({ type: 'bar', x: 'the hour', measures: ['queries'], aggregation: 'avg', maxPoints: 100 });
    expect(aggregated.rowCount).toBe(101);
    const shaped = shapeChart(plan.config, aggregated);
    expect(shaped.ok && shaped.data.cap).toEqual({ shown: 100, total: 400 });
    // Time axes keep their order, so the first 100 points are the first 100 hours.
    expect(shaped.ok && shaped.data.kind === 'cartesian' && shaped.data.rows[0]?.__label).toBe('2026-11-01');
    expect(needsAggregation(run(SOURCE), config({ type: 'bar', maxPoints: 100 }))).toBe(true);
    expect(needsAggregation(aggregated, plan.config)).toBe(false);
  });

  it('orders categories by their value, biggest first', () => {
    const { aggregated, plan } = planned({ type: 'bar', x: 'cluster', aggregation: 'count', maxPoints: 10 });
    const shaped = shapeChart(plan.config, aggregated);
    expect(shaped.ok && shaped.data.kind === 'cartesian' && shaped.data.rows.map((row) => row.s0_0)).toEqual([400, 400, 400, 400, 400]);
    const sums = planned({ type: 'bar', x: 'cluster', measures: ['queries'], aggregation: 'sum', maxPoints: 10 });
    const values = sums.aggregated.columns.findIndex((column) => column.name === 'queries');
    const column = Array.from({ length: sums.aggregated.rowCount }, (_, row) => Number(sums.aggregated.cell(row, values)));
    expect(column).toEqual([...column].sort((a, b) => b - a));
    const byLabel = (input: ReturnType<typeof shapeChart>) =>
      input.ok && input.data.kind === 'cartesian' ? [...input.data.rows].sort((a, b) => String(a.__label).localeCompare(String(b.__label))) : null;
    // The SQL orders categories by value, the full result keeps its own order: the same bars either way.
    expect(byLabel(shapeChart(sums.plan.config, sums.aggregated))).toEqual(
      byLabel(shapeChart(config({ type: 'bar', x: 'cluster', measures: ['queries'], aggregation: 'sum' }), sums.full)),
    );
  });

  it('gives the same pie, heatmap, KPI and scatter as the full result', () => {
    const cases: ChartConfigInput[] = [
      { type: 'pie', x: 'cluster', measures: ['queries'], maxPoints: 5000 },
      { type: 'heatmap', x: 'hr', y: 'cluster', measures: ['total_exec_time'], aggregation: 'max', maxPoints: 5000 },
      { type: 'kpi', x: 'the hour', measures: ['queries'], maxPoints: 5000 },
      { type: 'kpi', measures: ['queries'], aggregation: 'sum', maxPoints: 5000 },
      { type: 'scatter', x: 'queries', measures: ['total_exec_time'], series: 'cluster', maxPoints: 5000 },
    ];
    for (const input of cases) {
      const { full, aggregated, plan } = planned(input);
      expect(shapeChart(plan.config, aggregated), input.type).toEqual(shapeChart(config(input), full));
    }
  });

  it('is valid SQL for every chart type', () => {
    for (const type of CHART_TYPES) {
      const input: ChartConfigInput = {
        type,
        x: 'the hour',
        y: 'cluster',
        series: type === 'heatmap' ? undefined : 'cluster',
        measures: ['queries'],
        aggregation: 'sum',
        maxPoints: 10,
      };
      const { aggregated, plan } = planned(input);
      expect(aggregated.rowCount, type).toBeLessThanOrEqual(11);
      expect(shapeChart(plan.config, aggregated).ok, type).toBe(true);
    }
    expect(run(aggregatePlan(SOURCE, config({ type: 'table', maxPoints: 10 }), [])!.sql).columns.at(-1)?.name).toBe(TOTAL_COLUMN);
  });

  it('has no plan for an incomplete configuration', () => {
    expect(aggregatePlan(SOURCE, config({ type: 'line', measures: ['queries'] }), [])).toBeNull();
    expect(aggregatePlan(SOURCE, config({ type: 'heatmap', x: 'hr', measures: ['queries'] }), [])).toBeNull();
  });
});
