/**
 * The share-link codec: a shared state becomes `v1.<base64url>` and back.
 *
 * The base64url body is a small frame: the compressed length (4 bytes, so a cut-off
 * link is recognised as such), the CRC-32 of the JSON (4 bytes, so an altered link
 * is recognised even when it still inflates), then the UTF-8 JSON compressed with
 * raw deflate. Decoding never throws: every failure is a {@link ShareLinkProblem}
 * with a message for the user.
 */
import { z } from '@/lib/validation/zod';
import { fromBase64Url, toBase64Url } from './base64url';
import { deflateRaw, inflateRaw, InflateLimitError } from './compress';
import { crc32 } from './crc32';
import { SHARE_STATE_VERSION, shareStateSchema, type ShareState, type ShareStateInput } from './state';

/** Longest token a URL may carry (about 8 KB with the origin and `#share=`). */
export const MAX_SHARE_TOKEN_CHARS = 8_000;
/** Most bytes a token may inflate to; more is refused rather than unpacked. */
export const MAX_INFLATED_BYTES = 512 * 1024;

const HEADER_BYTES = 8;
const TOKEN_PATTERN = /^v(\d{1,6})\.(.*)$/s;

/** Why a share link could not be opened. */
export type ShareLinkProblemKind = 'not-a-link' | 'too-long' | 'unknown-version' | 'truncated' | 'damaged' | 'too-large' | 'not-json' | 'wrong-shape';

export interface ShareLinkProblem {
  kind: ShareLinkProblemKind;
  /** A sentence for the user; it names the cause and what to do. */
  message: string;
}

export type DecodeResult = { ok: true; state: ShareState } | { ok: false; problem: ShareLinkProblem };

function problem(kind: ShareLinkProblemKind, message: string): DecodeResult {
  return { ok: false, problem: { kind, message } };
}

const TRUNCATED = 'This share link is incomplete: it ends early, probably cut off when it was copied. Copy the whole link again.';
const DAMAGED = 'This share link is damaged: its contents do not check out. Ask for the link again, or copy it again in full.';

/** Frames already-serialised JSON text as a token. Exposed so tests can frame text that is not a valid state. */
export async function encodeShareText(json: string): Promise<string> {
  const bytes = new TextEncoder().encode(json);
  const compressed = await deflateRaw(bytes);
  const frame = new Uint8Array(HEADER_BYTES + compressed.length);
  const view = new DataView(frame.buffer);
  view.setUint32(0, compressed.length);
  view.setUint32(4, crc32(bytes));
  frame.set(compressed, HEADER_BYTES);
  return `v${SHARE_STATE_VERSION}.${toBase64Url(frame)}`;
}

/** Encodes a state as a token after validating it (throws `ZodError` on a state the decoder would refuse). */
export async function encodeShareState(input: ShareStateInput): Promise<string> {
  return encodeShareText(JSON.stringify(shareStateSchema.parse(input)));
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

/** Validates a state that arrived as JSON (a token's contents or a short link's stored state). */
export function parseShareState(value: unknown): DecodeResult {
  const parsed = shareStateSchema.safeParse(value);
  if (parsed.success) return { ok: true, state: parsed.data };
  return problem('wrong-shape', `This share link does not describe a ClusterScope query (${describeIssues(parsed.error)}).`);
}

async function inflateFrame(body: string): Promise<{ bytes: Uint8Array } | { failure: DecodeResult }> {
  const frame = fromBase64Url(body);
  if (frame === null) return { failure: problem('damaged', DAMAGED) };
  if (frame.length < HEADER_BYTES) return { failure: problem('truncated', TRUNCATED) };
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  const declared = view.getUint32(0);
  const available = frame.length - HEADER_BYTES;
  if (available < declared) return { failure: problem('truncated', TRUNCATED) };
  if (available > declared) return { failure: problem('damaged', DAMAGED) };
  let bytes: Uint8Array;
  try {
    bytes = await inflateRaw(frame.subarray(HEADER_BYTES), MAX_INFLATED_BYTES);
  } catch (error) {
    if (error instanceof InflateLimitError) {
      return {
        failure: problem('too-large', `This share link unpacks to more than ${MAX_INFLATED_BYTES / 1024} KB, more than any query ClusterScope shares.`),
      };
    }
    return { failure: problem('damaged', DAMAGED) };
  }
  if (crc32(bytes) !== view.getUint32(4)) return { failure: problem('damaged', DAMAGED) };
  return { bytes };
}

/** Decodes a token made by {@link encodeShareState}; never throws. */
export async function decodeShareToken(token: string): Promise<DecodeResult> {
  if (token.length > MAX_SHARE_TOKEN_CHARS) {
    return problem(
      'too-long',
      `This share link is too long (${token.length.toLocaleString('en-US')} characters; the limit is ${MAX_SHARE_TOKEN_CHARS.toLocaleString('en-US')}). Longer queries are shared as short links.`,
    );
  }
  const match = TOKEN_PATTERN.exec(token);
  if (!match) return problem('not-a-link', 'This is not a ClusterScope share link: it should start with "v1.".');
  const version = Number(match[1]);
  if (version !== SHARE_STATE_VERSION) {
    return problem(
      'unknown-version',
      `This share link uses format version ${version}, but this ClusterScope reads version ${SHARE_STATE_VERSION}. It was probably made by a newer ClusterScope.`,
    );
  }
  const inflated = await inflateFrame(match[2]!);
  if ('failure' in inflated) return inflated.failure;
  let text: string;
  let value: unknown;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(inflated.bytes);
    value = JSON.parse(text);
  } catch {
    return problem('not-json', 'This share link unpacks, but not to a query: its contents are not valid JSON.');
  }
  return parseShareState(value);
}

/** The URL fragment key that carries a token: `/#share=v1.…`. */
export const SHARE_FRAGMENT_KEY = 'share';

/**
 * The share URL for a token. The state travels in the fragment, which browsers
 * never send to the server, so it stays out of server and proxy logs (and, with
 * `Referrer-Policy: no-referrer`, out of other sites' logs too).
 */
export function shareUrl(origin: string, token: string): string {
  return `${origin}/#${SHARE_FRAGMENT_KEY}=${token}`;
}

/** The token in a location hash (`#share=…`), or `null` when the hash holds none. */
export function shareTokenFromHash(hash: string): string | null {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  const prefix = `${SHARE_FRAGMENT_KEY}=`;
  if (!fragment.startsWith(prefix)) return null;
  // Tokens are URL-safe already; a chat client may still have percent-encoded them.
  const raw = fragment.slice(prefix.length);
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
