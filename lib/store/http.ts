/**
 * HTTP plumbing shared by the routes over the metadata store (saved queries now,
 * dashboards and short links later): bounded JSON bodies, and store errors as JSON
 * responses with their status codes.
 */
import { internalErrorResponse } from '../http/internal-error';
import { isStoreError } from './errors';

/**
 * Largest request body accepted. Above the 200 KB SQL limit with room to spare,
 * because JSON escaping can nearly double SQL full of quotes and newlines.
 */
export const MAX_BODY_BYTES = 512 * 1024;

const NO_STORE = { 'Cache-Control': 'no-store' };

/** A request the route refuses before the store sees it. */
export class HttpError extends Error {
  override readonly name = 'HttpError';

  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** A JSON response that no cache keeps. */
export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { ...NO_STORE, ...headers } });
}

function isJsonContentType(value: string | null): boolean {
  const type = value?.split(';')[0]?.trim().toLowerCase();
  return type === 'application/json' || (type !== undefined && type.endsWith('+json'));
}

/**
 * The request's JSON body, read up to `maxBytes`. Throws {@link HttpError}: 415
 * unless the body is declared JSON (which also makes browsers preflight
 * cross-site writes), 413 when too large, 400 when empty or not JSON.
 */
export async function readJsonBody(request: Request, maxBytes: number = MAX_BODY_BYTES): Promise<unknown> {
  if (!isJsonContentType(request.headers.get('content-type'))) {
    throw new HttpError(415, 'the request body must be JSON (Content-Type: application/json)');
  }
  const tooLarge = (): HttpError => new HttpError(413, `the request body is larger than ${Math.round(maxBytes / 1024)} KB`);
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();

  // The declared length may be absent or wrong, so count while reading.
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge();
      }
      chunks.push(value);
    }
  }
  if (total === 0) throw new HttpError(400, 'the request body is empty');
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new HttpError(400, 'the request body is not valid UTF-8');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new HttpError(400, `the request body is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * A store or request failure as a JSON response: 400 with the list of problems,
 * 403 (not the owner), 404, 409 with the current record, 413/415, and 500 for everything else
 * (a malformed stored record names its id; anything unexpected is logged with an
 * error id, and only the id reaches the user).
 */
export function errorResponse(error: unknown): Response {
  if (error instanceof HttpError) return jsonResponse({ error: error.message }, error.status);
  if (isStoreError(error, 'InvalidInputError')) return jsonResponse({ error: error.message, issues: error.issues }, 400);
  if (isStoreError(error, 'NotFoundError')) return jsonResponse({ error: error.message }, 404);
  if (isStoreError(error, 'ForbiddenError')) return jsonResponse({ error: error.message }, 403);
  if (isStoreError(error, 'ConflictError')) return jsonResponse({ error: error.message, current: error.current }, 409);
  if (isStoreError(error, 'MalformedRecordError') || isStoreError(error, 'SchemaTooNewError')) {
    return jsonResponse({ error: error.message }, 500);
  }
  return internalErrorResponse('metadata store request', error, 'The server could not complete this request.');
}
