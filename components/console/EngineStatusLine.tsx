import type { ReactNode } from 'react';
import { formatDuration } from '@/lib/console/units';
import type { EngineState } from './useEngine';

/** The header's one-line engine status: catalog loading, starting, failed, or ready with its size. */
export function EngineStatusLine({ state }: { state: EngineState }): ReactNode {
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
