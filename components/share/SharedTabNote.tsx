'use client';

import type { ReactNode } from 'react';
import { sharedByLine } from '@/lib/share/format';
import type { SharedTabInfo } from './useOpenSharedLink';
import { useShortLinkActions } from './useShortLinkActions';

export interface SharedTabNoteProps {
  info: SharedTabInfo;
}

/** "Shared by … on …" above a tab opened from a link; a short link can be revoked from here. */
export function SharedTabNote({ info }: SharedTabNoteProps): ReactNode {
  const short = useShortLinkActions();
  const path = info.shortLinkId ? `/s/${info.shortLinkId}` : null;
  return (
    <div role="note" aria-label="Shared query" className="notice share-note">
      <span>{`${sharedByLine(info.sharedBy, info.sharedAt)}. This tab is your copy: changes stay here.`}</span>
      {path && info.shortLinkId ? (
        <>
          {' '}
          <span className="muted">{`Short link ${path}`}</span>{' '}
          <button type="button" disabled={short.busy || short.revoked} onClick={() => info.shortLinkId && short.revoke(info.shortLinkId)}>
            Revoke short link
          </button>
        </>
      ) : null}
      {short.revoked ? <span role="status"> Short link revoked.</span> : null}
      {short.error ? <span role="alert"> {short.error}</span> : null}
    </div>
  );
}
