'use client';

import { useEffect, useMemo, useState } from 'react';
import { aggregatePlan, needsAggregation } from '@/lib/charts/aggregate-sql';
import type { ChartConfig } from '@/lib/charts/config';
import type { EngineClient } from '@/lib/engine/client';
import type { ResultSet } from '@/lib/engine/result-set';

export type ChartData = { status: 'ready'; result: ResultSet; config: ChartConfig } | { status: 'aggregating' } | { status: 'error'; message: string };

type Answer = { rows: ResultSet } | { error: string };

/**
 * The result a chart draws. A result within the point cap is drawn as it is;
 * a bigger one is grouped by DuckDB (the chart's SQL wrapped by
 * `aggregatePlan`), so JavaScript never walks a million rows. Without an
 * engine, or without a complete configuration, the first points are drawn and
 * the chart says it capped them. A stale answer is never shown.
 */
export function useChartData(engine: EngineClient | null, sql: string, result: ResultSet, config: ChartConfig): ChartData {
  const plan = useMemo(() => (engine && needsAggregation(result, config) ? aggregatePlan(sql, config, result.columns) : null), [engine, sql, result, config]);
  // Only the SQL decides whether to query again: a new title or format reuses the answer.
  const planSql = plan?.sql ?? null;
  const [answer, setAnswer] = useState<{ sql: string; answer: Answer } | null>(null);

  useEffect(() => {
    if (!engine || planSql === null) return;
    const abort = new AbortController();
    engine.query(planSql, { signal: abort.signal }).then(
      (done) => setAnswer({ sql: planSql, answer: { rows: done.rows } }),
      (error: unknown) => {
        if (!abort.signal.aborted) setAnswer({ sql: planSql, answer: { error: error instanceof Error ? error.message : String(error) } });
      },
    );
    return () => abort.abort();
  }, [engine, planSql]);

  if (!plan) return { status: 'ready', result, config };
  if (answer?.sql !== plan.sql) return { status: 'aggregating' };
  if ('error' in answer.answer) return { status: 'error', message: `The chart's aggregation query failed: ${answer.answer.error}` };
  return { status: 'ready', result: answer.answer.rows, config: plan.config };
}
