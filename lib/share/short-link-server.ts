/**
 * Opening a short link on the server, for the `/s/<id>` page and the API alike:
 * the stored state, validated again (the database is outside input too), or the
 * message the opener sees instead.
 */
import { displayName } from '../auth/display-names';
import { logInternalError } from '../http/internal-error';
import type { MetadataStore } from '../store/metadata-store';
import { SHORT_LINK_ID_PATTERN, type ShortLink } from '../store/short-links';
import { parseShareState } from './codec';
import { formatSharedAt } from './format';
import type { ShareState } from './state';

/** A short link that opens: its state and who shared it when. */
export interface OpenShortLink {
  ok: true;
  id: string;
  state: ShareState;
  sharedBy: string;
  sharedAt: string;
}

/** A short link that does not open, with the HTTP status and message to show. */
export interface ClosedShortLink {
  ok: false;
  status: 404 | 410 | 500;
  message: string;
}

/** The path of a short link. */
export function shortLinkPath(id: string): string {
  return `/s/${id}`;
}

/** Looks up a short link; never throws for an unknown, revoked or broken link. */
export async function openShortLink(store: MetadataStore, id: string): Promise<OpenShortLink | ClosedShortLink> {
  const unknown: ClosedShortLink = {
    ok: false,
    status: 404,
    message: 'This short link does not exist. Check that it was copied in full, or ask for a new link.',
  };
  if (!SHORT_LINK_ID_PATTERN.test(id)) return unknown;
  let link: ShortLink | null;
  try {
    link = await store.shortLinks.get(id);
  } catch (error) {
    return { ok: false, status: 500, message: logInternalError(`reading short link ${id}`, error, 'This short link cannot be read.').message };
  }
  if (link === null) return unknown;
  if (link.revokedAt !== null || link.state === null) {
    const by = link.revokedBy ? ` by ${await displayName(store, link.revokedBy)}` : '';
    const on = link.revokedAt ? ` on ${formatSharedAt(link.revokedAt)}` : '';
    return { ok: false, status: 410, message: `This short link was revoked${by}${on}. Ask whoever shared it for a new link.` };
  }
  const parsed = parseShareState(link.state);
  if (!parsed.ok) return { ok: false, status: 500, message: parsed.problem.message };
  return { ok: true, id, state: parsed.state, sharedBy: await displayName(store, link.createdBy), sharedAt: link.createdAt };
}
