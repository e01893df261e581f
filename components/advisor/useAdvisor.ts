'use client';

import { useCallback, useRef, useState } from 'react';
import { ruleRowsFrom } from '@/lib/advisor/result-rows';
import { runAdvisor, type AdvisorScope, type RuleOutcome } from '@/lib/advisor/run';
import type { EngineClient } from '@/lib/engine/client';

export type AdvisorState =
  | { status: 'idle' }
  | { status: 'running'; scope: AdvisorScope; done: RuleOutcome[]; startedAt: number }
  | { status: 'done'; scope: AdvisorScope; outcomes: RuleOutcome[]; ms: number };

export interface Advisor {
  state: AdvisorState;
  run: (scope: AdvisorScope) => void;
  cancel: () => void;
}

/** Runs the Advisor's rules on the page's engine, one after another, showing each rule's outcome as it comes. */
export function useAdvisor(engine: EngineClient | null, available: ReadonlySet<string>): Advisor {
  const [state, setState] = useState<AdvisorState>({ status: 'idle' });
  const controller = useRef<AbortController | null>(null);

  const run = useCallback(
    (scope: AdvisorScope) => {
      if (!engine) return;
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      const startedAt = Date.now();
      const done: RuleOutcome[] = [];
      setState({ status: 'running', scope, done: [], startedAt });
      void runAdvisor({
        scope,
        available,
        signal: abort.signal,
        // Trusted: every table the rules read is filtered on constant partition values.
        query: async (sql, signal) => ruleRowsFrom((await engine.query(sql, { signal, trustedPartitionFilters: true })).rows),
        onRule: (outcome) => {
          done.push(outcome);
          if (controller.current === abort) setState({ status: 'running', scope, done: [...done], startedAt });
        },
      }).then((outcomes) => {
        if (controller.current === abort) setState({ status: 'done', scope, outcomes, ms: Date.now() - startedAt });
      });
    },
    [engine, available],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);
  return { state, run, cancel };
}
