'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { EngineClient } from '@/lib/engine/client';
import { errorInfo } from '@/lib/engine/errors';
import { downloadFileName, EXPORT_FORMATS, type ExportFormat } from '@/lib/engine/export';
import { downloadParts } from './download';

export type ExportState =
  | { status: 'idle' }
  | { status: 'exporting'; format: ExportFormat; startedAt: number; rowsWritten: number; totalRows: number | null; bytesWritten: number }
  | { status: 'done'; format: ExportFormat; fileName: string; rows: number; bytes: number; elapsedMs: number }
  | { status: 'error'; format: ExportFormat; message: string; cancelled: boolean };

export interface ResultExport {
  state: ExportState;
  start: (format: ExportFormat) => void;
  cancel: () => void;
}

function failure(error: unknown): { message: string; cancelled: boolean } {
  const info = errorInfo(error);
  return { message: info.message, cancelled: info.cancelled === true };
}

/**
 * Exports the full result of `sql` through the engine and downloads it. One
 * export at a time; leaving the result (a new run) cancels it.
 */
export function useResultExport(engine: EngineClient | null, sql: string): ResultExport {
  const [state, setState] = useState<ExportState>({ status: 'idle' });
  const controller = useRef<AbortController | null>(null);

  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback(
    (format: ExportFormat) => {
      if (!engine || controller.current) return;
      const abort = new AbortController();
      controller.current = abort;
      setState({ status: 'exporting', format, startedAt: performance.now(), rowsWritten: 0, totalRows: null, bytesWritten: 0 });
      engine
        .export(sql, format, {
          signal: abort.signal,
          onProgress: ({ rowsWritten, totalRows, bytesWritten }) => {
            if (abort.signal.aborted) return;
            setState((current) => (current.status === 'exporting' ? { ...current, rowsWritten, totalRows, bytesWritten } : current));
          },
        })
        .then((file) => {
          if (abort.signal.aborted) return;
          const fileName = downloadFileName(format);
          downloadParts(file.parts, fileName, EXPORT_FORMATS[format].mimeType);
          setState({ status: 'done', format, fileName, rows: file.rows, bytes: file.byteLength, elapsedMs: file.elapsedMs });
        })
        .catch((error: unknown) => {
          setState({ status: 'error', format, ...failure(error) });
        })
        .finally(() => {
          if (controller.current === abort) controller.current = null;
        });
    },
    [engine, sql],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);

  return { state, start, cancel };
}
