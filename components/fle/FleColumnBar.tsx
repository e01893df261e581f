'use client';

import type { ReactNode } from 'react';
import { Icon } from '@/components/icons/Icon';
import type { ResultColumn } from '@/lib/engine/result-set';
import type { ResultFle } from './useResultFle';
import { useFle } from './useFle';

export interface FleColumnBarProps {
  columns: readonly ResultColumn[];
  fle: ResultFle;
  /** Result rows on screen now, and every result row in display order. */
  visibleRows: () => number[];
  allRows: () => number[];
}

/** Above the grid: protected columns, with decrypt actions and progress for an admin holding the key. */
export function FleColumnBar({ columns, fle, visibleRows, allRows }: FleColumnBarProps): ReactNode {
  const context = useFle();
  const names = columns.flatMap((column, index) => (fle.protectedColumns[index] ? [{ name: column.name, index }] : []));
  if (names.length === 0) return null;
  const admin = context?.canDecrypt === true;
  return (
    <div role="group" aria-label="Encrypted columns" className="fle-bar">
      <span>
        <Icon name="lock" /> Encrypted: {names.map((column) => column.name).join(', ')}.
      </span>
      {admin && !fle.ready ? <span className="muted"> Load the private key (Field-level encryption) to decrypt.</span> : null}
      {fle.ready
        ? names.map((column) => (
            <span key={column.index} className="fle-actions">
              <button type="button" disabled={fle.progress !== null} onClick={() => fle.decryptRows(column.index, visibleRows())}>
                Decrypt {column.name}: visible rows
              </button>
              <button type="button" disabled={fle.progress !== null} onClick={() => fle.decryptRows(column.index, allRows())}>
                Decrypt {column.name}: all rows
              </button>
            </span>
          ))
        : null}
      {fle.ready && fle.version > 0 && fle.decryptedCount() > 0 ? (
        <button
          type="button"
          disabled={fle.progress !== null}
          onClick={() => {
            // Plaintext leaving the tab is the user's explicit, confirmed choice.
            if (window.confirm(`The file will contain ${fle.decryptedCount()} decrypted values in plain text. Export it?`)) void fle.exportPlaintext();
          }}
        >
          Export with decrypted values (CSV)
        </button>
      ) : null}
      {fle.progress ? (
        <span className="fle-progress">
          <progress aria-label="Decryption progress" max={fle.progress.total} value={fle.progress.done} /> {fle.progress.done} / {fle.progress.total}{' '}
          <button type="button" onClick={fle.cancel}>
            Cancel decryption
          </button>
        </span>
      ) : null}
      {fle.error ? (
        <span role="alert" aria-label="Decryption error">
          {fle.error}
        </span>
      ) : null}
    </div>
  );
}
