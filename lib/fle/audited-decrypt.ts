/**
 * Decryption wrapped in the audit log, failing closed: the start record must
 * be stored before the first value is decrypted, otherwise nothing is. The
 * completion record carries the counts (also after a cancel). Records hold
 * places and counts, never values.
 */
import type { AuditAction, AuditInput } from '@/lib/audit/types';
import type { FleValueResult } from './decrypt-value';
import type { DecryptPool, DecryptRunOptions } from './pool';

/** Where the values come from. */
export interface DecryptPlace {
  source: string | null;
  table: string | null;
  column: string;
}

/** One audited run. */
export interface AuditedDecryptOptions extends DecryptRunOptions {
  action: Extract<AuditAction, 'reveal' | 'decrypt-column'>;
  place: DecryptPlace;
  /** Stores a record or throws; the real one posts to /api/audit. */
  audit: (input: AuditInput) => Promise<unknown>;
}

/** Thrown when the audit log refused the start record: nothing was decrypted. */
export class AuditRefusedError extends Error {
  override readonly name = 'AuditRefusedError';
}

/** What a run produced; `cancelled` runs keep the batches that finished. */
export interface AuditedDecryptResult {
  results: (FleValueResult | undefined)[];
  cancelled: boolean;
  /** Set when the completion record could not be written (the start record was). */
  auditWarning: string | null;
}

/** Decrypts `values` through `pool` between a start and a completion audit record. */
export async function auditedDecrypt(pool: DecryptPool, values: readonly string[], options: AuditedDecryptOptions): Promise<AuditedDecryptResult> {
  const { action, place, audit, onResults, ...run } = options;
  const base = { action, runId: crypto.randomUUID(), source: place.source, table: place.table, column: place.column, rowCount: values.length, note: null };
  try {
    await audit({ ...base, phase: 'start', succeeded: null, failed: null });
  } catch (error) {
    throw new AuditRefusedError(`Decryption refused: the audit record could not be written (${error instanceof Error ? error.message : String(error)}).`);
  }
  const results: (FleValueResult | undefined)[] = new Array<FleValueResult | undefined>(values.length);
  let cancelled = false;
  try {
    await pool.decrypt(values, {
      ...run,
      onResults: (start, batch) => {
        batch.forEach((result, offset) => (results[start + offset] = result));
        onResults?.(start, batch);
      },
    });
  } catch (error) {
    if (!(error instanceof DOMException && error.name === 'AbortError')) throw error;
    cancelled = true;
  }
  const succeeded = results.filter((result) => result?.ok).length;
  const failed = results.filter((result) => result && !result.ok).length;
  let auditWarning: string | null = null;
  try {
    await audit({ ...base, phase: 'complete', succeeded, failed, note: cancelled ? 'cancelled' : null });
  } catch (error) {
    auditWarning = `The completion audit record could not be written: ${error instanceof Error ? error.message : String(error)}`;
  }
  return { results, cancelled, auditWarning };
}
