/**
 * The benchmark's test hook: `window.__clusterscopeBench`, installed only when
 * the server runs with `CLUSTERSCOPE_BENCH_HOOK=1` (never in a normal start).
 * `npm run bench` drives queries through it to read the engine's own
 * statistics (exact bytes fetched, elapsed time measured around the worker
 * call) instead of scraping rounded figures from the results bar. It runs the
 * same `EngineClient` the console runs, on the same page and worker.
 */
import type { EngineClient, QueryOptions, QueryStats } from '../engine/client';

/** Name of the hook on `window`. */
export const BENCH_HOOK_NAME = '__clusterscopeBench';

/** Server environment variable that turns the hook on. */
export const BENCH_HOOK_ENV = 'CLUSTERSCOPE_BENCH_HOOK';

/** What one query run through the hook reports. */
export interface BenchQueryOutcome {
  stats: QueryStats;
  rowCount: number;
}

/** What a statement may be run with, as the console or a dashboard would run it. */
export type BenchQueryOptions = Pick<QueryOptions, 'trustedPartitionFilters'>;

/** The hook's surface. */
export interface BenchHook {
  /** Milliseconds from page start until the engine was ready. */
  readyMs: number;
  /** Runs SQL on the console's engine; rejects with the engine's message. */
  query(sql: string, options?: BenchQueryOptions): Promise<BenchQueryOutcome>;
}

/** Installs the hook for an engine; returns a function that removes it. */
export function installBenchHook(target: Record<string, unknown>, engine: EngineClient, readyMs: number): () => void {
  const hook: BenchHook = {
    readyMs,
    query: async (sql, options = {}) => {
      const result = await engine.query(sql, { trustedPartitionFilters: options.trustedPartitionFilters === true });
      return { stats: result.stats, rowCount: result.rows.rowCount };
    },
  };
  target[BENCH_HOOK_NAME] = hook;
  return () => {
    if (target[BENCH_HOOK_NAME] === hook) delete target[BENCH_HOOK_NAME];
  };
}
