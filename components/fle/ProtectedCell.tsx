'use client';

import type { ReactNode } from 'react';
import { Icon } from '@/components/icons/Icon';
import { FLE_FAILURE_MESSAGES } from '@/lib/fle/failure';
import type { FleValueResult } from '@/lib/fle/decrypt-value';
import { shortenCiphertext } from '@/lib/fle/shorten';

export interface ProtectedCellProps {
  value: string;
  outcome: FleValueResult | undefined;
  /** Present when the user may reveal this cell now. */
  onReveal?: () => void;
  label: string;
}

/** A protected value: a lock and a shortened ciphertext, the plaintext once decrypted, or why not. */
export function ProtectedCell({ value, outcome, onReveal, label }: ProtectedCellProps): ReactNode {
  if (outcome?.ok) return <span className="fle-plain">{outcome.plaintext}</span>;
  if (outcome) {
    return (
      <span className="fle-failed" role="note" aria-label={`${label}: ${FLE_FAILURE_MESSAGES[outcome.reason]}`}>
        <Icon name="warning" /> {FLE_FAILURE_MESSAGES[outcome.reason]}
      </span>
    );
  }
  return (
    <span className="fle-locked">
      <Icon name="lock" label="Encrypted" /> <span className="fle-cipher">{shortenCiphertext(value)}</span>
      {onReveal ? (
        <button
          type="button"
          className="fle-reveal"
          aria-label={`Reveal ${label}`}
          onClick={(event) => {
            event.stopPropagation();
            onReveal();
          }}
        >
          Reveal
        </button>
      ) : null}
    </span>
  );
}
