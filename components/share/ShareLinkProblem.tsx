'use client';

import type { ReactNode } from 'react';

export interface ShareLinkProblemProps {
  message: string;
  onDismiss: () => void;
}

/** Why a share link did not open. Shown as text, like everything from a link. */
export function ShareLinkProblem({ message, onDismiss }: ShareLinkProblemProps): ReactNode {
  return (
    <div role="alert" aria-label="Share link problem" className="notice">
      <strong>The shared link could not be opened.</strong> {message}{' '}
      <button type="button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
