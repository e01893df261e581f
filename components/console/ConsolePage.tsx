'use client';

import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { CatalogTree } from '@/components/catalog/CatalogTree';
import { SqlEditor } from '@/components/editor/SqlEditor';
import { QueryStatsBar } from '@/components/results/QueryStatsBar';
import { ResultsGrid } from '@/components/results/ResultsGrid';
import { defaultSql } from '@/lib/console/default-query';
import { formatDuration } from '@/lib/console/units';
import { Providers } from './Providers';
import { QueryErrorPanel } from './QueryErrorPanel';
import { SourceEmptyState } from './SourceEmptyState';
import { useEngine } from './useEngine';
import { useQueryRunner } from './useQueryRunner';

export interface ConsolePageProps {
  initialSql?: string;
  autoRun: boolean;
}

/** The console: catalog on the left, editor and results on the right. */
export function ConsolePage(props: ConsolePageProps): ReactNode {
  return (
    <Providers>
      <Console {...props} />
    </Providers>
  );
}

function Console({ initialSql, autoRun }: ConsolePageProps): ReactNode {
  const engineState = useEngine();
  const engine = engineState.phase === 'ready' ? engineState.engine : null;
  const runner = useQueryRunner(engine);
  const [sql, setSql] = useState(() => initialSql ?? defaultSql(new Date()));
  const autoRan = useRef(false);
  const { run } = runner;

  useEffect(() => {
    // The deep link runs its SQL once, as soon as the engine is ready.
    if (engine && autoRun && !autoRan.current && initialSql) {
      autoRan.current = true;
      run(initialSql);
    }
  }, [engine, autoRun, initialSql, run]);

  const schema = useMemo(() => {
    const map: Record<string, string[]> = {};
    for (const table of engine?.tables ?? []) map[table.name] = table.columns.map((column) => column.name);
    return map;
  }, [engine]);

  const running = runner.state.status === 'running';

  return (
    <div className="console">
      <header className="topbar">
        <h1>ClusterScope</h1>
        <EngineStatusLine state={engineState} />
      </header>
      <aside className="sidebar">
        {'manifest' in engineState ? (
          <CatalogTree
            manifest={engineState.manifest}
            tables={engine?.tables}
            onInsert={(text) => setSql((current) => `${current}${current.endsWith(' ') ? '' : ' '}${text}`)}
          />
        ) : null}
      </aside>
      <main className="workspace">
        {engineState.phase === 'empty' ? (
          <SourceEmptyState source={engineState.manifest.source} problem={engineState.manifest.problem} />
        ) : engineState.phase === 'catalog-error' ? (
          <div role="alert" className="error">
            {engineState.message}
          </div>
        ) : (
          <>
            <SqlEditor value={sql} onChange={setSql} onRun={run} schema={schema} />
            <div className="toolbar">
              <button type="button" className="primary" onClick={() => run(sql)} disabled={!engine || running}>
                Run
              </button>
              <button type="button" onClick={runner.cancel} disabled={!running}>
                Cancel
              </button>
              <span className="muted">Ctrl/Cmd+Enter runs the query</span>
            </div>
            <section className="results" aria-label="Query results">
              <ResultsArea runner={runner} />
            </section>
          </>
        )}
      </main>
    </div>
  );
}

function ResultsArea({ runner }: { runner: ReturnType<typeof useQueryRunner> }): ReactNode {
  const { state } = runner;
  switch (state.status) {
    case 'idle':
      return <p className="muted">Run a query to see results.</p>;
    case 'running':
      return (
        <p role="status" className="muted">
          Running…
        </p>
      );
    case 'error':
      return <QueryErrorPanel error={state.error} />;
    case 'done':
      return (
        <>
          <QueryStatsBar stats={state.result.stats} />
          <ResultsGrid rows={state.result.rows} />
        </>
      );
  }
}

function EngineStatusLine({ state }: { state: ReturnType<typeof useEngine> }): ReactNode {
  switch (state.phase) {
    case 'catalog':
      return <span className="muted">Loading the catalog…</span>;
    case 'catalog-error':
      return <span className="error-text">Catalog unavailable</span>;
    case 'empty':
      return <span className="muted">No data</span>;
    case 'starting':
      return (
        <span role="status" className="muted">
          {state.progress}…
        </span>
      );
    case 'failed':
      return (
        <span role="alert" className="error-text">
          Engine failed to start: {state.message}
        </span>
      );
    case 'ready':
      return (
        <span role="status" aria-label="Engine status" className="muted">
          Engine ready in {formatDuration(state.readyMs)} · {state.manifest.tables.length} tables ·{' '}
          {state.manifest.tables.reduce((sum, table) => sum + table.files.length, 0).toLocaleString('en-US')} files
        </span>
      );
  }
}
