/**
 * Short links: a shared query state kept on the server under an unguessable id,
 * for states too long for a URL or when the user asks for one. Types and schemas
 * only, free of Node imports; the SQLite collection is in `sqlite/short-links.ts`.
 */
import { z } from '@/lib/validation/zod';
import { jsonByteLength, jsonProblem, type JsonContainer, type JsonValue } from './json';
import { actorSchema, timestampSchema } from './schemas';
import type { WriteContext } from './types';

/** The record kind named in errors about short links. */
export const SHORT_LINK_KIND = 'short link';

/** Largest stored state, as UTF-8 JSON: a shared SQL text (200 000 characters) with room for parameters. */
export const MAX_SHORT_LINK_STATE_BYTES = 400 * 1024;

/** A short link as every backend returns it. */
export interface ShortLink {
  /** 128 random bits, base64url (22 characters). */
  id: string;
  /** The shared state; opaque to the store (the share codec validates it). `null` once revoked. */
  state: JsonContainer | null;
  createdBy: string;
  /** ISO 8601 in UTC. */
  createdAt: string;
  revokedAt: string | null;
  revokedBy: string | null;
}

/** Short links in the metadata store. Links are never edited: created, read, revoked. */
export interface ShortLinkCollection {
  /** Stores a state under a new id. Throws `InvalidInputError` on a state that is not a bounded JSON object. */
  create(state: unknown, context?: WriteContext): Promise<ShortLink>;
  /** The link (revoked ones included, so they can say so), or `null` if no link has this id. */
  get(id: string): Promise<ShortLink | null>;
  /**
   * Revokes the link and forgets its state; revoking twice keeps the first
   * revocation. Throws `NotFoundError`. Who may revoke is the caller's decision.
   */
  revoke(id: string, context?: WriteContext): Promise<ShortLink>;
}

/** A stored state: a JSON object of bounded size. */
export const shortLinkStateSchema = z.custom<JsonContainer>().superRefine((value, ctx) => {
  const problem = jsonProblem(value);
  if (problem !== null) ctx.addIssue({ code: 'custom', message: `not plain JSON: ${problem}` });
  else if (typeof value !== 'object' || value === null || Array.isArray(value)) ctx.addIssue({ code: 'custom', message: 'must be a JSON object' });
  else if (jsonByteLength(value as JsonValue) > MAX_SHORT_LINK_STATE_BYTES) {
    ctx.addIssue({ code: 'custom', message: `must be at most ${MAX_SHORT_LINK_STATE_BYTES / 1024} KB as JSON` });
  }
});

/** The shape of a short-link id: 22 base64url characters (128 bits). */
export const SHORT_LINK_ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;

/** A short link as read back from a backend. */
export const shortLinkSchema: z.ZodType<ShortLink, unknown> = z.object({
  id: z.string().regex(SHORT_LINK_ID_PATTERN, { error: 'must be 22 base64url characters' }),
  state: shortLinkStateSchema.nullable(),
  createdBy: actorSchema,
  createdAt: timestampSchema,
  revokedAt: timestampSchema.nullable(),
  revokedBy: actorSchema.nullable(),
});
