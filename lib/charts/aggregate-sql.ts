/**
 * Big results are grouped by DuckDB, not in JavaScript: the chart's query is
 * wrapped so the engine returns at most `maxPoints + 1` points (one more tells
 * that the cap was reached) and, in `TOTAL_COLUMN`, how many points there were
 * before the limit. The wrapped result is shaped with the returned config,
 * whose aggregation is `none` because every row is already one point.
 */
import type { ResultColumn, ResultSet } from '../engine/result-set';
import type { Aggregation, ChartConfig } from './config';
import { isNumericColumn, isTimeColumn } from './columns';
import { TOTAL_COLUMN } from './resolve';
import { subqueryBody } from '../sql/statements';

export interface AggregatePlan {
  sql: string;
  /** The configuration to shape the wrapped result with. */
  config: ChartConfig;
}

/** A SQL identifier, quoted. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

const SQL_AGGREGATE: Record<Exclude<Aggregation, 'none'>, string> = { sum: 'sum', avg: 'avg', min: 'min', max: 'max', count: 'count' };

/** True when the result has more rows than the chart may draw, so its data should come from `aggregatePlan`. */
export function needsAggregation(result: ResultSet, config: ChartConfig): boolean {
  return result.rowCount > config.maxPoints && !result.columns.some((column) => column.name === TOTAL_COLUMN);
}

function measureList(config: ChartConfig, aggregation: Aggregation): { select: string[]; names: string[] } {
  const names = [...new Set(config.measures)];
  if (names.length === 0 && aggregation === 'count') return { select: ['count(*) AS "count"'], names: ['count'] };
  const select = names.map((name) => {
    const column = quoteIdentifier(name);
    return aggregation === 'none' ? column : `${SQL_AGGREGATE[aggregation]}(${column}) AS ${column}`;
  });
  return { select, names };
}

function wrap(sql: string): string {
  // The newline keeps a trailing line comment from swallowing the closing parenthesis.
  return `FROM (\n${subqueryBody(sql)}\n) AS chart_source`;
}

function statement(parts: { select: string[]; from: string; groupBy?: string[]; orderBy?: string[]; limit: number }): string {
  const lines = [`SELECT ${parts.select.join(', ')}`, parts.from];
  if (parts.groupBy && parts.groupBy.length > 0) lines.push(`GROUP BY ${parts.groupBy.join(', ')}`);
  if (parts.orderBy && parts.orderBy.length > 0) lines.push(`ORDER BY ${parts.orderBy.join(', ')}`);
  lines.push(`LIMIT ${parts.limit}`);
  return lines.join('\n');
}

const TOTAL = `count(*) OVER () AS ${quoteIdentifier(TOTAL_COLUMN)}`;

/** Category axes show their biggest values first; time and number axes run in order. */
function xOrder(x: string, columns: readonly ResultColumn[], firstMeasure: string | undefined): string[] {
  const column = columns.find((candidate) => candidate.name === x);
  const ordered = column !== undefined && (isTimeColumn(column) || isNumericColumn(column));
  if (ordered || firstMeasure === undefined) return [quoteIdentifier(x)];
  return [`${quoteIdentifier(firstMeasure)} DESC NULLS LAST`, quoteIdentifier(x)];
}

/**
 * The SQL that computes a chart's points inside DuckDB, or null when the
 * configuration is incomplete (the chart then says what is missing).
 * `columns` are the original result's, used to choose the order of X.
 */
export function aggregatePlan(sql: string, config: ChartConfig, columns: readonly ResultColumn[]): AggregatePlan | null {
  const limit = config.maxPoints + 1;
  const from = wrap(sql);
  const shaped = (measures: string[]): ChartConfig => ({ ...config, aggregation: 'none', measures });
  const x = config.x;
  switch (config.type) {
    case 'line':
    case 'area':
    case 'bar': {
      if (!x) return null;
      const { select, names } = measureList(config, config.aggregation);
      const keys = [x, ...(config.series ? [config.series] : [])].map(quoteIdentifier);
      const grouped = config.aggregation !== 'none';
      return {
        sql: statement({ select: [...keys, ...select, TOTAL], from, groupBy: grouped ? keys : [], orderBy: xOrder(x, columns, names[0]), limit }),
        config: shaped(names),
      };
    }
    case 'pie': {
      if (!x) return null;
      // A pie always shows totals per slice.
      const aggregation = config.aggregation === 'none' ? 'sum' : config.aggregation;
      const { select, names } = measureList({ ...config, measures: config.measures.slice(0, 1) }, aggregation);
      const first = names[0];
      if (!first) return null;
      const key = quoteIdentifier(x);
      return {
        sql: statement({ select: [key, ...select, TOTAL], from, groupBy: [key], orderBy: [`${quoteIdentifier(first)} DESC NULLS LAST`, key], limit }),
        config: shaped(names),
      };
    }
    case 'heatmap': {
      if (!x || !config.y) return null;
      const aggregation = config.aggregation === 'none' ? 'sum' : config.aggregation;
      const { select, names } = measureList({ ...config, measures: config.measures.slice(0, 1) }, aggregation);
      const keys = [x, config.y].map(quoteIdentifier);
      return { sql: statement({ select: [...keys, ...select, TOTAL], from, groupBy: keys, orderBy: keys, limit }), config: shaped(names) };
    }
    case 'kpi': {
      const measures = config.measures.slice(0, x ? 1 : 2);
      if (x) {
        // Only the latest two periods are compared.
        const aggregation = config.aggregation === 'none' ? 'sum' : config.aggregation;
        const { select, names } = measureList({ ...config, measures }, aggregation);
        const key = quoteIdentifier(x);
        return { sql: statement({ select: [key, ...select], from, groupBy: [key], orderBy: [`${key} DESC NULLS LAST`], limit: 2 }), config: shaped(names) };
      }
      const { select, names } = measureList({ ...config, measures: measures.slice(0, 1) }, config.aggregation);
      const previous =
        measures[1] === undefined
          ? []
          : [config.aggregation === 'none' ? quoteIdentifier(measures[1]) : `first(${quoteIdentifier(measures[1])}) AS ${quoteIdentifier(measures[1])}`];
      return { sql: statement({ select: [...select, ...previous], from, limit: 1 }), config: shaped([...names, ...measures.slice(1)]) };
    }
    case 'scatter': {
      if (!x || config.measures.length === 0) return null;
      const keys = [x, ...config.measures.slice(0, 1), ...(config.series ? [config.series] : [])].map(quoteIdentifier);
      return { sql: statement({ select: [...keys, TOTAL], from, limit }), config: shaped(config.measures.slice(0, 1)) };
    }
    case 'table':
      return { sql: statement({ select: ['*', TOTAL], from, limit }), config };
  }
}
