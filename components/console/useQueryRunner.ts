'use client';

import { useCallback, useRef, useState } from 'react';
import type { HistoryEntry } from '@/lib/console/history';
import type { EngineErrorInfo } from '@/lib/engine/errors';
import type { EngineClient, QueryOptions, QueryResult } from '@/lib/engine/client';

export type RunState =
  | { status: 'idle' }
  | { status: 'running'; sql: string; startedAt: number; progress?: string }
  | { status: 'done'; sql: string; result: QueryResult }
  | { status: 'error'; sql: string; error: EngineErrorInfo };

export interface QueryRunner {
  state: RunState;
  /** Runs one statement. */
  run: (sql: string) => void;
  /** Runs statements one after another, stopping at the first error; shows the last result. */
  /** `options` go to every statement's `engine.query` (e.g. trusted partition filters for library queries). */
  runScript: (statements: string[], options?: Pick<QueryOptions, 'trustedPartitionFilters'>) => void;
  cancel: () => void;
}

function errorInfo(error: unknown): EngineErrorInfo {
  if (typeof error === 'object' && error !== null && 'info' in error) return (error as { info: EngineErrorInfo }).info;
  return { message: error instanceof Error ? error.message : String(error) };
}

/**
 * Owns one console's execution state; a newer run always wins over a stale
 * one. Every execution is reported to `onFinished` for the history.
 */
export function useQueryRunner(engine: EngineClient | null, onFinished?: (entry: HistoryEntry) => void): QueryRunner {
  const [state, setState] = useState<RunState>({ status: 'idle' });
  const generation = useRef(0);
  const controller = useRef<AbortController | null>(null);

  const runScript = useCallback(
    (statements: string[], options: Pick<QueryOptions, 'trustedPartitionFilters'> = {}) => {
      if (!engine || statements.length === 0) return;
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      const id = ++generation.current;
      void (async () => {
        for (const [index, sql] of statements.entries()) {
          if (id !== generation.current) return;
          const startedAt = new Date();
          const progress = statements.length > 1 ? `statement ${index + 1} of ${statements.length}` : undefined;
          setState({ status: 'running', sql, startedAt: performance.now(), progress });
          const started = performance.now();
          try {
            const result = await engine.query(sql, { ...options, signal: abort.signal });
            onFinished?.({
              id: crypto.randomUUID(),
              sql,
              startedAt: startedAt.toISOString(),
              durationMs: performance.now() - started,
              rows: result.stats.rows,
              status: 'success',
            });
            if (id === generation.current && index === statements.length - 1) setState({ status: 'done', sql, result });
          } catch (error) {
            const info = errorInfo(error);
            onFinished?.({
              id: crypto.randomUUID(),
              sql,
              startedAt: startedAt.toISOString(),
              durationMs: performance.now() - started,
              rows: null,
              status: info.cancelled ? 'cancelled' : 'error',
              error: info.message,
            });
            const where = statements.length > 1 ? ` (statement ${index + 1} of ${statements.length})` : '';
            if (id === generation.current) setState({ status: 'error', sql, error: { ...info, message: info.message + where } });
            return;
          }
        }
      })();
    },
    [engine, onFinished],
  );

  const run = useCallback((sql: string) => runScript([sql]), [runScript]);

  const cancel = useCallback(() => {
    controller.current?.abort();
  }, []);

  return { state, run, runScript, cancel };
}
