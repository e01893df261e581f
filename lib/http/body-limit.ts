/**
 * The request-body bound the proxy applies to every path before it looks at the
 * session, so an unauthenticated client cannot make the server buffer large
 * bodies. Routes still count bytes while reading (see lib/store/http.ts); this is
 * the outer wall. No Node imports: the proxy runs it on every request.
 */

/** Largest body any signed-in request may send: the range batch route's own limit. */
export const MAX_REQUEST_BYTES = 2 * 1024 * 1024;

/** Largest body a public path (sign-in, sign-out) may send: a form with a name and a password. */
export const MAX_PUBLIC_REQUEST_BYTES = 16 * 1024;

/** A refusal: the status and the message to show. */
export interface BodyProblem {
  status: 411 | 413;
  message: string;
}

/**
 * Why the request's body is refused, from its headers alone, or `null`. A body
 * without a declared length (chunked) is refused too: the proxy would otherwise
 * have to buffer it to learn its size, and browsers always declare one.
 */
export function bodyProblem(method: string, headers: Headers, publicPath: boolean): BodyProblem | null {
  const limit = publicPath ? MAX_PUBLIC_REQUEST_BYTES : MAX_REQUEST_BYTES;
  const declared = headers.get('content-length');
  if (declared === null) {
    if (headers.has('transfer-encoding') && method !== 'GET' && method !== 'HEAD') {
      return { status: 411, message: 'the request body must declare its length (Content-Length)' };
    }
    return null;
  }
  const length = Number(declared);
  if (!/^\d+$/.test(declared.trim()) || !Number.isSafeInteger(length)) return { status: 413, message: 'the request body has an invalid Content-Length' };
  if (length > limit) return { status: 413, message: `the request body is larger than ${Math.round(limit / 1024)} KB` };
  return null;
}
