'use client';

import { useEffect, useState, type ReactNode } from 'react';
import { useModalDialog } from '@/components/console/useModalDialog';
import { useCopyFeedback } from '@/components/results/useCopyFeedback';
import type { QueryTab } from '@/lib/console/tabs';
import { encodeShareState, MAX_SHARE_TOKEN_CHARS, shareUrl } from '@/lib/share/codec';
import type { ShareState } from '@/lib/share/state';
import { shareStateFromTab } from '@/lib/share/tab-state';
import { useShortLinkActions } from './useShortLinkActions';

export interface ShareDialogProps {
  /** The tab as it was when Share was pressed. */
  tab: QueryTab;
  onClose: () => void;
}

type Prepared = { status: 'encoding' } | { status: 'failed'; message: string } | { status: 'ready'; state: ShareState; url: string | null; length: number };

/**
 * The links for a tab: a URL carrying the whole state when it fits, and a short
 * link stored on the server on request (or at once when the state is too long).
 */
export function ShareDialog({ tab, onClose }: ShareDialogProps): ReactNode {
  const dialog = useModalDialog(true);
  // Taken once, when the dialog opens: later edits to the tab are not shared by this link.
  const [shared] = useState(() => shareStateFromTab(tab, new Date()));
  const [prepared, setPrepared] = useState<Prepared>(shared.ok ? { status: 'encoding' } : { status: 'failed', message: shared.message });
  const short = useShortLinkActions();
  const feedback = useCopyFeedback();
  const { create } = short;

  useEffect(() => {
    if (!shared.ok) return;
    let cancelled = false;
    void encodeShareState(shared.state).then(
      (token) => {
        if (cancelled) return;
        const fits = token.length <= MAX_SHARE_TOKEN_CHARS;
        setPrepared({ status: 'ready', state: shared.state, url: fits ? shareUrl(window.location.origin, token) : null, length: token.length });
        if (!fits) create(shared.state);
      },
      (error: unknown) =>
        !cancelled && setPrepared({ status: 'failed', message: `Cannot make a link: ${error instanceof Error ? error.message : String(error)}` }),
    );
    return () => {
      cancelled = true;
    };
  }, [shared, create]);

  const shortUrl = short.link ? `${window.location.origin}${short.link.path}` : null;

  return (
    <dialog ref={dialog} aria-labelledby="share-title" onClose={onClose} className="save-dialog share-dialog">
      <h2 id="share-title">Share query</h2>
      {prepared.status === 'encoding' ? <p className="muted">Preparing the link…</p> : null}
      {prepared.status === 'failed' ? <p role="alert">{prepared.message}</p> : null}
      {prepared.status === 'ready' && prepared.url ? (
        <div className="share-row">
          <label>
            Share link
            <input readOnly value={prepared.url} onFocus={(event) => event.target.select()} />
          </label>
          <button type="button" onClick={() => feedback.copy(prepared.url ?? '', 'Link copied')}>
            Copy link
          </button>
        </div>
      ) : null}
      {prepared.status === 'ready' && !prepared.url ? (
        <p className="muted">
          {`This query is too long for a link (${prepared.length.toLocaleString('en-US')} characters; the limit is ${MAX_SHARE_TOKEN_CHARS.toLocaleString('en-US')}), so it is stored on the server as a short link.`}
        </p>
      ) : null}
      {prepared.status === 'ready' && !short.link ? (
        <button type="button" disabled={short.busy} onClick={() => create(prepared.state)}>
          {short.busy ? 'Creating short link…' : 'Create short link'}
        </button>
      ) : null}
      {short.link && shortUrl ? (
        <div className="share-row">
          <label>
            Short link
            <input readOnly value={shortUrl} onFocus={(event) => event.target.select()} />
          </label>
          <button type="button" onClick={() => feedback.copy(shortUrl, 'Short link copied')}>
            Copy short link
          </button>
          <button type="button" disabled={short.busy || short.revoked} onClick={() => short.link && short.revoke(short.link.id)}>
            Revoke short link
          </button>
        </div>
      ) : null}
      {short.revoked ? <p role="status">Short link revoked: opening it now says so.</p> : null}
      {short.error ? <p role="alert">{short.error}</p> : null}
      {feedback.message ? <p role="status">{feedback.message}</p> : null}
      <p className="muted">The link carries the SQL, parameters, chart and view, never results or keys.</p>
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </dialog>
  );
}
