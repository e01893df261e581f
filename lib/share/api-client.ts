/** Browser side of the short-link API. Answers are checked, because a stale server or a proxy can answer with anything. */
import { apiFetch } from '@/lib/auth/browser-fetch';
import { z } from '@/lib/validation/zod';
import type { ShareState } from './state';

const createdSchema = z.object({ id: z.string(), path: z.string().startsWith('/s/'), createdBy: z.string(), createdAt: z.string() });

/** A short link the server created. */
export type CreatedShortLink = z.infer<typeof createdSchema>;

async function call(path: string, init: RequestInit): Promise<unknown> {
  let response: Response;
  try {
    response = await apiFetch(path, { ...init, headers: { 'Content-Type': 'application/json' }, cache: 'no-store' });
  } catch {
    throw new Error('Cannot reach the ClusterScope server.');
  }
  const body: unknown = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) {
    const message = (body as { error?: unknown } | null)?.error;
    throw new Error(typeof message === 'string' ? message : `The server answered ${response.status}.`);
  }
  return body;
}

/** Stores a state on the server and returns its short link. */
export async function createShortLink(state: ShareState): Promise<CreatedShortLink> {
  const parsed = createdSchema.safeParse(await call('/api/links', { method: 'POST', body: JSON.stringify({ state }) }));
  if (!parsed.success) throw new Error('The server sent a short link that is not valid.');
  return parsed.data;
}

/** Revokes a short link (its creator or an admin only; the server says otherwise). */
export async function revokeShortLink(id: string): Promise<void> {
  await call(`/api/links/${encodeURIComponent(id)}`, { method: 'DELETE' });
}
