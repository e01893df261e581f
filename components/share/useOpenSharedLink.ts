'use client';

import { useEffect, useRef, useState } from 'react';
import type { QueryTab, TabsAction } from '@/lib/console/tabs';
import { decodeShareToken, shareTokenFromHash } from '@/lib/share/codec';
import type { ClosedShortLink, OpenShortLink } from '@/lib/share/short-link-server';
import type { ShareState } from '@/lib/share/state';
import { tabFromShareState } from '@/lib/share/tab-state';

/** What the `/s/<id>` page found on the server. */
export type ShortLinkLookup = OpenShortLink | ClosedShortLink;

/** Where a shared tab came from, shown above it. */
export interface SharedTabInfo {
  tabId: string;
  sharedBy?: string;
  sharedAt?: string;
  shortLinkId?: string;
}

interface Arrival {
  /** The tab to open, made once so that its id is stable. */
  tab: QueryTab;
  info: SharedTabInfo;
}

function arrive(state: ShareState, details: Omit<SharedTabInfo, 'tabId'>): Arrival {
  const tab = tabFromShareState(state);
  return { tab, info: { tabId: tab.id, ...details } };
}

export interface OpenSharedLink {
  /** The tab opened from a link in this session, if any. */
  shared: SharedTabInfo | null;
  /** Why the link could not be opened; the console works on regardless. */
  problem: string | null;
  dismissProblem: () => void;
}

export interface OpenSharedLinkOptions {
  /** A short link looked up by the server, on `/s/<id>`. */
  shortLink?: ShortLinkLookup;
  /** True once persisted tabs are loaded (a tab opened before would be overwritten). */
  loaded: boolean;
  dispatch: (action: TabsAction) => void;
  /** True when the engine can run queries. */
  engineReady: boolean;
  activeTabId: string;
  /** Runs the active tab's SQL as Run all does (parameters bound). */
  runActiveTab: () => void;
}

/**
 * Opens a share link (a `#share=` fragment or a short link) as a new tab and runs
 * it once the engine is ready. Afterwards the address bar goes back to `/`, so a
 * reload does not open the link a second time.
 */
export function useOpenSharedLink({ shortLink, loaded, dispatch, engineReady, activeTabId, runActiveTab }: OpenSharedLinkOptions): OpenSharedLink {
  const [arrival, setArrival] = useState<Arrival | null>(() =>
    shortLink?.ok ? arrive(shortLink.state, { sharedBy: shortLink.sharedBy, sharedAt: shortLink.sharedAt, shortLinkId: shortLink.id }) : null,
  );
  const [problem, setProblem] = useState<string | null>(() => (shortLink && !shortLink.ok ? shortLink.message : null));
  const opened = useRef<string | null>(null);
  const ran = useRef<string | null>(null);

  useEffect(() => {
    if (shortLink) return;
    let current = 0;
    const readHash = (): void => {
      const token = shareTokenFromHash(window.location.hash);
      if (token === null) return;
      const attempt = ++current;
      void decodeShareToken(token).then((result) => {
        // A newer fragment (pasted while this one decoded) wins.
        if (attempt !== current) return;
        if (result.ok) {
          setArrival(arrive(result.state, { sharedAt: result.state.sharedAt }));
          setProblem(null);
        } else {
          setProblem(result.problem.message);
        }
      });
    };
    readHash();
    // Pasting another share URL into the address bar changes only the fragment: no reload.
    window.addEventListener('hashchange', readHash);
    return () => window.removeEventListener('hashchange', readHash);
  }, [shortLink]);

  useEffect(() => {
    if (!loaded || arrival === null || opened.current === arrival.tab.id) return;
    opened.current = arrival.tab.id;
    dispatch({ type: 'open', tab: arrival.tab });
    window.history.replaceState(null, '', '/');
  }, [loaded, arrival, dispatch]);

  useEffect(() => {
    if (problem !== null && (window.location.hash !== '' || window.location.pathname !== '/')) window.history.replaceState(null, '', '/');
  }, [problem]);

  useEffect(() => {
    // Runs once, when the opened tab is active and the engine can run it.
    if (!engineReady || arrival === null || activeTabId !== arrival.tab.id || ran.current === arrival.tab.id) return;
    ran.current = arrival.tab.id;
    runActiveTab();
  }, [engineReady, arrival, activeTabId, runActiveTab]);

  return { shared: arrival?.info ?? null, problem, dismissProblem: () => setProblem(null) };
}
