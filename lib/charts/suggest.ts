/**
 * A first chart from the shape of a result, so "Chart" shows something useful
 * before the user picks anything: time + number gives a line, category +
 * number a bar, a single row of numbers a KPI, two numbers a scatter,
 * hour × day a heatmap, and anything else a table.
 */
import type { ResultColumn } from '../engine/result-set';
import { chartConfigSchema, type ChartConfig, type ChartConfigInput } from './config';
import { isNumericColumn, isTimeColumn } from './columns';
import { TOTAL_COLUMN } from './resolve';

/** Most measures a suggestion draws at once. */
const MAX_SUGGESTED_MEASURES = 4;

const HOUR_NAME = /^(hour|hour_of_day|hr|h)$|_hour$/i;
const DAY_NAME = /^(day|dow|weekday|day_of_week|date|startdate)$|_(day|date)$/i;

function heatmapShape(numbers: ResultColumn[], others: ResultColumn[]): ChartConfigInput | null {
  const hour = numbers.find((column) => HOUR_NAME.test(column.name));
  if (!hour) return null;
  const day = [...others, ...numbers].find((column) => column !== hour && (DAY_NAME.test(column.name) || /cluster/i.test(column.name)));
  const measure = numbers.find((column) => column !== hour && column !== day);
  if (!day || !measure) return null;
  return { type: 'heatmap', x: hour.name, y: day.name, measures: [measure.name], aggregation: 'sum' };
}

function suggestInput(columns: readonly ResultColumn[], rowCount: number): ChartConfigInput {
  const usable = columns.filter((column) => column.name !== TOTAL_COLUMN);
  const times = usable.filter(isTimeColumn);
  const numbers = usable.filter(isNumericColumn);
  const categories = usable.filter((column) => !isTimeColumn(column) && !isNumericColumn(column));
  const names = (list: ResultColumn[]): string[] => list.slice(0, MAX_SUGGESTED_MEASURES).map((column) => column.name);

  if (numbers.length > 0 && rowCount === 1 && times.length === 0) {
    return { type: 'kpi', measures: names(numbers.slice(0, 2)) };
  }
  const heatmap = heatmapShape(numbers, [...categories, ...times]);
  if (heatmap) return heatmap;
  const [time] = times;
  if (time && numbers.length > 0) {
    const series = categories[0]?.name;
    return { type: 'line', x: time.name, measures: names(numbers).slice(0, series ? 1 : MAX_SUGGESTED_MEASURES), series };
  }
  const [category, second] = categories;
  if (category && numbers.length > 0) {
    return { type: 'bar', x: category.name, measures: names(numbers).slice(0, second ? 1 : MAX_SUGGESTED_MEASURES), series: second?.name };
  }
  if (category) return { type: 'bar', x: category.name, aggregation: 'count' };
  const [first, other] = numbers;
  if (first && other) return { type: 'scatter', x: first.name, measures: [other.name] };
  if (time) return { type: 'line', x: time.name, aggregation: 'count' };
  return { type: 'table' };
}

/** The chart the result's columns suggest, with every default filled in. */
export function suggestChart(columns: readonly ResultColumn[], rowCount: number): ChartConfig {
  return chartConfigSchema.parse(suggestInput(columns, rowCount));
}
