'use client';

import { useCallback, useState } from 'react';
import { createShortLink, revokeShortLink, type CreatedShortLink } from '@/lib/share/api-client';
import type { ShareState } from '@/lib/share/state';

export interface ShortLinkActions {
  link: CreatedShortLink | null;
  busy: boolean;
  error: string | null;
  revoked: boolean;
  create: (state: ShareState) => void;
  revoke: (id: string) => void;
}

/** Creating and revoking a short link, with the answer or the server's message. */
export function useShortLinkActions(initial: CreatedShortLink | null = null): ShortLinkActions {
  const [link, setLink] = useState<CreatedShortLink | null>(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [revoked, setRevoked] = useState(false);

  const attempt = useCallback(async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  }, []);

  const create = useCallback(
    (state: ShareState) =>
      void attempt(async () => {
        setLink(await createShortLink(state));
        setRevoked(false);
      }),
    [attempt],
  );
  const revoke = useCallback(
    (id: string) =>
      void attempt(async () => {
        await revokeShortLink(id);
        setRevoked(true);
      }),
    [attempt],
  );
  return { link, busy, error, revoked, create, revoke };
}
