'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { ResultSet } from '@/lib/engine/result-set';
import { AuditRefusedError } from '@/lib/fle/audited-decrypt';
import type { FleValueResult } from '@/lib/fle/decrypt-value';
import type { FleProfile } from '@/lib/fle/profile';
import { writeAudit } from '@/lib/fle/api-client';
import { plaintextCsv } from '@/lib/fle/plaintext-csv';
import { downloadParts } from '@/components/results/download';
import { useFle } from './useFle';

/** A column decryption in progress. */
export interface FleProgress {
  column: number;
  done: number;
  total: number;
}

/** FLE state of one result: which columns are protected, what was decrypted, and the actions. */
export interface ResultFle {
  protectedColumns: readonly boolean[];
  /** True when the user may decrypt now (admin with a key). */
  ready: boolean;
  /** The decrypted outcome of a cell, if any. In memory only, for this result. */
  outcome: (row: number, column: number) => FleValueResult | undefined;
  reveal: (row: number, column: number) => void;
  decryptRows: (column: number, rows: readonly number[]) => void;
  cancel: () => void;
  progress: FleProgress | null;
  /** The last refusal or failure, in plain words. */
  error: string | null;
  /** Changes whenever decrypted values change (drives re-rendering). */
  version: number;
  /** How many cells hold plaintext now. */
  decryptedCount: () => number;
  /** After the user confirmed: audits (fail closed) and downloads a CSV with the plaintext. */
  exportPlaintext: () => Promise<void>;
}

const SAMPLE_ROWS = 200;

function tablesNaming(profiles: readonly FleProfile[] | null, column: string): string | null {
  const tables = new Set<string>();
  for (const profile of profiles ?? []) {
    for (const [table, columns] of Object.entries(profile.protectedColumns)) if (columns.includes(column)) tables.add(table);
  }
  return tables.size ? [...tables].sort().join(',') : null;
}

/**
 * Detects protected columns of `rows` from their values (the SDK's header
 * parser, loaded lazily) and runs audited decryption for reveal and column
 * actions. Plaintext stays in this hook's memory and dies with the result.
 */
export function useResultFle(rows: ResultSet): ResultFle {
  const fle = useFle();
  const [protectedColumns, setProtected] = useState<readonly boolean[]>(() => rows.columns.map(() => false));
  const [progress, setProgress] = useState<FleProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const outcomes = useRef(new Map<number, Map<number, FleValueResult>>());
  const running = useRef<AbortController | null>(null);

  useEffect(() => {
    let stale = false;
    const textColumns = rows.columns.flatMap((column, index) => (column.kind === 'text' ? [index] : []));
    if (textColumns.length === 0) return;
    void import('@/lib/fle/detect').then(({ looksProtected }) => {
      if (stale) return;
      const flags = rows.columns.map(() => false);
      for (const column of textColumns) {
        const sample = Array.from({ length: Math.min(rows.rowCount, SAMPLE_ROWS) }, (_, row) => rows.cell(row, column));
        flags[column] = looksProtected(sample);
      }
      setProtected(flags);
    });
    return () => {
      stale = true;
      running.current?.abort();
    };
  }, [rows]);

  const run = useCallback(
    (column: number, rowList: readonly number[], action: 'reveal' | 'decrypt-column') => {
      if (!fle?.held || running.current) return;
      const name = rows.columns[column]?.name ?? '';
      const todo = rowList.filter((row) => !outcomes.current.get(column)?.has(row));
      const values = todo.map((row) => {
        const value = rows.cell(row, column);
        return typeof value === 'string' ? value : '';
      });
      if (values.length === 0) return;
      const controller = new AbortController();
      running.current = controller;
      setError(null);
      setProgress({ column, done: 0, total: values.length });
      const store = outcomes.current.get(column) ?? new Map<number, FleValueResult>();
      outcomes.current.set(column, store);
      fle
        .decrypt(
          values,
          action,
          { source: null, table: tablesNaming(fle.profiles, name), column: name },
          {
            signal: controller.signal,
            onResults: (start, batch) => {
              batch.forEach((result, offset) => store.set(todo[start + offset] ?? -1, result));
              setVersion((n) => n + 1);
            },
            onProgress: (done, total) => setProgress({ column, done, total }),
          },
        )
        .then(
          (outcome) => setError(outcome.auditWarning),
          (failure: unknown) => setError(failure instanceof AuditRefusedError || failure instanceof Error ? failure.message : String(failure)),
        )
        .finally(() => {
          running.current = null;
          setProgress(null);
          setVersion((n) => n + 1);
        });
    },
    [fle, rows],
  );

  const outcome = useCallback((row: number, column: number) => outcomes.current.get(column)?.get(row), []);
  const decryptedCount = useCallback(() => {
    let total = 0;
    for (const column of outcomes.current.values()) for (const result of column.values()) if (result.ok) total += 1;
    return total;
  }, []);
  const exportPlaintext = useCallback(async () => {
    const base = {
      action: 'export-plaintext' as const,
      runId: crypto.randomUUID(),
      source: null,
      table: null,
      column: null,
      rowCount: rows.rowCount,
      note: null,
    };
    try {
      await writeAudit({ ...base, phase: 'start', succeeded: null, failed: null });
    } catch (failure) {
      setError(`Export refused: the audit record could not be written (${failure instanceof Error ? failure.message : String(failure)}).`);
      return;
    }
    const csv = plaintextCsv(rows, outcome);
    downloadParts([new TextEncoder().encode(csv)], 'clusterscope-decrypted.csv', 'text/csv');
    await writeAudit({ ...base, phase: 'complete', succeeded: decryptedCount(), failed: 0 }).catch(() =>
      setError('The export was written, but its completion audit record was not.'),
    );
  }, [rows, outcome, decryptedCount]);
  return {
    protectedColumns,
    ready: Boolean(fle?.canDecrypt && fle.held),
    outcome,
    reveal: useCallback((row: number, column: number) => run(column, [row], 'reveal'), [run]),
    decryptRows: useCallback((column: number, list: readonly number[]) => run(column, list, 'decrypt-column'), [run]),
    cancel: useCallback(() => running.current?.abort(), []),
    progress,
    error,
    version,
    decryptedCount,
    exportPlaintext,
  };
}
