'use client';

import { useEffect, useState, type ReactNode } from 'react';
import { formatBytes, formatDuration } from '@/lib/console/units';
import type { EngineClient } from '@/lib/engine/client';
import { EXPORT_FORMATS, type ExportFormat } from '@/lib/engine/export';
import styles from './results.module.css';
import { useResultExport, type ExportState } from './useResultExport';

export interface ExportControlsProps {
  engine: EngineClient | null;
  /** The statement whose full result is exported (it runs again inside DuckDB). */
  sql: string;
}

const FORMATS: readonly ExportFormat[] = ['csv', 'parquet'];

/** "Export CSV" and "Export Parquet" of the full result, with progress while DuckDB writes. */
export function ExportControls({ engine, sql }: ExportControlsProps): ReactNode {
  const { state, start, cancel } = useResultExport(engine, sql);
  const exporting = state.status === 'exporting';
  return (
    <div className={styles.export} role="group" aria-label="Export">
      {FORMATS.map((format) => (
        <button
          key={format}
          type="button"
          onClick={() => start(format)}
          disabled={!engine || exporting}
          title={`Download every row of the query as ${EXPORT_FORMATS[format].label}, written by DuckDB (grid sort and filters do not apply)`}
        >
          Export {EXPORT_FORMATS[format].label}
        </button>
      ))}
      {exporting ? (
        <>
          <ExportProgress state={state} />
          <button type="button" onClick={cancel}>
            Cancel export
          </button>
        </>
      ) : (
        <ExportOutcome state={state} />
      )}
    </div>
  );
}

function ExportProgress({ state }: { state: Extract<ExportState, { status: 'exporting' }> }): ReactNode {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(performance.now()), 250);
    return () => clearInterval(timer);
  }, []);
  const elapsed = Math.max(0, now - state.startedAt);
  const label = EXPORT_FORMATS[state.format].label;
  // Until the row count is known (the query runs first), the bar is indeterminate.
  const total = state.totalRows;
  return (
    <>
      {total === null ? (
        <progress className={styles.progress} aria-label="Export progress" />
      ) : (
        <progress className={styles.progress} aria-label="Export progress" value={state.rowsWritten} max={Math.max(1, total)} />
      )}
      <span role="status" aria-label="Export status" className={styles.exportStatus}>
        Exporting {label}… {formatDuration(elapsed)}
        {total === null ? ' · running the query' : ` · ${count(state.rowsWritten)} of ${count(total)} rows, ${formatBytes(state.bytesWritten)}`}
      </span>
    </>
  );
}

function count(value: number): string {
  return value.toLocaleString('en-US');
}

function ExportOutcome({ state }: { state: ExportState }): ReactNode {
  switch (state.status) {
    case 'done':
      return (
        <span role="status" aria-label="Export status" className={styles.exportStatus}>
          Exported {count(state.rows)} rows as {EXPORT_FORMATS[state.format].label} ({formatBytes(state.bytes)}) in {formatDuration(state.elapsedMs)}
        </span>
      );
    case 'error':
      return state.cancelled ? (
        <span role="status" aria-label="Export status" className={styles.exportStatus}>
          Export cancelled
        </span>
      ) : (
        <span role="alert" className={styles.exportError}>
          Export failed: {state.message}
        </span>
      );
    default:
      return null;
  }
}
