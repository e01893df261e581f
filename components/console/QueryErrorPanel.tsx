import type { ReactNode } from 'react';
import type { EngineErrorInfo } from '@/lib/engine/errors';

export interface QueryErrorPanelProps {
  error: EngineErrorInfo;
}

/** DuckDB's message, with the line and column it points at. Rendered as text, never as HTML. */
export function QueryErrorPanel({ error }: QueryErrorPanelProps): ReactNode {
  return (
    <div role="alert" className={error.cancelled ? 'notice' : 'error'}>
      <strong>{error.cancelled ? 'Cancelled' : 'Query failed'}</strong>
      {error.line !== undefined ? (
        <span className="muted">
          {' '}
          at line {error.line}
          {error.column !== undefined ? `, column ${error.column}` : ''}
        </span>
      ) : null}
      <pre>{error.message}</pre>
    </div>
  );
}
