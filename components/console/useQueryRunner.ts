'use client';

import { useCallback, useRef, useState } from 'react';
import type { EngineErrorInfo } from '@/lib/engine/errors';
import type { EngineClient, QueryResult } from '@/lib/engine/client';

export type RunState =
  | { status: 'idle' }
  | { status: 'running'; sql: string; startedAt: number }
  | { status: 'done'; sql: string; result: QueryResult }
  | { status: 'error'; sql: string; error: EngineErrorInfo };

export interface QueryRunner {
  state: RunState;
  run: (sql: string) => void;
  cancel: () => void;
}

/** Owns one editor's execution state; a newer run always wins over a stale one. */
export function useQueryRunner(engine: EngineClient | null): QueryRunner {
  const [state, setState] = useState<RunState>({ status: 'idle' });
  const generation = useRef(0);
  const controller = useRef<AbortController | null>(null);

  const run = useCallback(
    (sql: string) => {
      if (!engine) return;
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      const id = ++generation.current;
      setState({ status: 'running', sql, startedAt: performance.now() });
      engine.query(sql, { signal: abort.signal }).then(
        (result) => {
          if (id === generation.current) setState({ status: 'done', sql, result });
        },
        (error: unknown) => {
          if (id !== generation.current) return;
          const info: EngineErrorInfo =
            typeof error === 'object' && error !== null && 'info' in error
              ? (error as { info: EngineErrorInfo }).info
              : { message: error instanceof Error ? error.message : String(error) };
          setState({ status: 'error', sql, error: info });
        },
      );
    },
    [engine],
  );

  const cancel = useCallback(() => {
    controller.current?.abort();
  }, []);

  return { state, run, cancel };
}
