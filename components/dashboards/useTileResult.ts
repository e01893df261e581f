'use client';

import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { applicableCrossFilters, bindTileSql, withCrossFilters, type FilterValues } from '@/lib/dashboards/filter-binding';
import { resolveTileSource, type ResolvedSource } from '@/lib/dashboards/saved-source';
import { isShippedTileSql } from '@/lib/dashboards/shipped';
import type { DashboardFilters, DashboardTile } from '@/lib/dashboards/schema';
import type { TileRunner } from '@/lib/dashboards/tile-runner';
import type { CrossFilter } from '@/lib/dashboards/url-state';
import type { QueryResult } from '@/lib/engine/client';

export type TileState =
  | { status: 'waiting'; message: string }
  | { status: 'loading' }
  | { status: 'error'; message: string; sql?: string }
  | { status: 'done'; result: QueryResult; sql: string; asOf: Date; cached: boolean; crossFiltered: CrossFilter[] };

export interface TileContext {
  runner: TileRunner<QueryResult> | null;
  catalogVersion: string;
  filters: DashboardFilters;
  values: FilterValues;
  crossFilters: readonly CrossFilter[];
}

export interface TileResult {
  state: TileState;
  source: ResolvedSource | null;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * One tile's query: resolves its SQL, binds the dashboard's filters, runs it
 * through the shared runner (cached per data version), then applies the
 * cross-filters that fit its columns. Results of an outdated run are dropped.
 */
export function useTileResult(tile: DashboardTile, context: TileContext): TileResult {
  const source = useQuery({ queryKey: ['tile-source', tile.source], queryFn: () => resolveTileSource(tile.source), staleTime: 60_000, retry: false });
  const { runner, catalogVersion, filters, values, crossFilters } = context;
  const sql = source.data?.sql;
  const sourceError = source.error ? message(source.error) : null;
  const plan = useMemo((): { state: TileState } | { run: string } => {
    if (sourceError !== null) return { state: { status: 'error', message: sourceError } };
    if (sql === undefined || runner === null) return { state: { status: 'loading' } };
    const bound = bindTileSql(sql, filters, values);
    if ('error' in bound) return { state: { status: 'error', message: `The dashboard filters do not fit this tile: ${bound.error}` } };
    return { run: bound.sql };
  }, [sourceError, sql, runner, filters, values]);
  const boundSql = 'run' in plan ? plan.run : null;
  const trusted = sql !== undefined && isShippedTileSql(sql);
  const runKey = boundSql === null ? null : `${catalogVersion}\u0000${boundSql}\u0000${JSON.stringify(crossFilters)}`;
  const [outcome, setOutcome] = useState<{ key: string; state: TileState } | null>(null);

  useEffect(() => {
    if (boundSql === null || runKey === null || runner === null) return;
    let current = true;
    const controller = new AbortController();
    const hints = { trustedPartitionFilters: trusted };
    (async () => {
      const base = await runner.run(boundSql, catalogVersion, controller.signal, hints);
      const applicable = applicableCrossFilters(crossFilters, base.value.rows.columns);
      if (applicable.length === 0) return { ...base, sql: boundSql, crossFiltered: applicable };
      const filteredSql = withCrossFilters(boundSql, applicable, base.value.rows.columns);
      // The cross-filters wrap the tile's query without reading another table, so its filters still hold.
      return { ...(await runner.run(filteredSql, catalogVersion, controller.signal, hints)), sql: filteredSql, crossFiltered: applicable };
    })().then(
      (run) => {
        if (current)
          setOutcome({
            key: runKey,
            state: { status: 'done', result: run.value, sql: run.sql, asOf: run.asOf, cached: run.cached, crossFiltered: run.crossFiltered },
          });
      },
      (error: unknown) => {
        if (current) setOutcome({ key: runKey, state: { status: 'error', message: message(error), sql: boundSql } });
      },
    );
    return () => {
      current = false;
      controller.abort();
    };
    // crossFilters comes from the URL state, which keeps its identity until the address changes.
  }, [runKey, runner, boundSql, catalogVersion, crossFilters, trusted]);

  const state: TileState = 'state' in plan ? plan.state : outcome?.key === runKey ? outcome.state : { status: 'loading' };
  return { state, source: source.data ?? null };
}
