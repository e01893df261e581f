/**
 * Runs before every request (Next 16 "proxy", Node.js runtime):
 * - sends the security headers, with a fresh CSP nonce that Next.js and the
 *   layout read from the request's headers;
 * - refuses request bodies above a bound (413) before anything else reads them;
 * - turns away requests without a valid session, except to the sign-in page and
 *   its assets: pages go to sign-in (and come back afterwards), APIs answer 401;
 * - refuses state-changing API requests that fail the CSRF checks, so a route
 *   that forgets its guard is still covered (each route also checks its role).
 */
import { randomBytes } from 'node:crypto';
import { NextResponse, type NextRequest } from 'next/server';
import { isLoopbackRequest } from '@/lib/auth/cookies';
import { csrfProblem } from '@/lib/auth/csrf';
import { sessionOf } from '@/lib/auth/guard';
import { isPublicPath } from '@/lib/auth/public-paths';
import { signInPath } from '@/lib/auth/redirect';
import { bodyProblem } from '@/lib/http/body-limit';
import { pathProblem } from '@/lib/http/request-path';
import { securityHeaders } from '@/lib/security/headers';

function refuse(status: number, error: string): NextResponse {
  return NextResponse.json({ error }, { status, headers: { 'Cache-Control': 'no-store' } });
}

async function gate(request: NextRequest, nonce: string, csp: string): Promise<NextResponse> {
  const { pathname, search } = request.nextUrl;
  const publicPath = isPublicPath(pathname);
  // Before the session lookup: a client that is not signed in must not get large bodies buffered either.
  const body = bodyProblem(request.method, request.headers, publicPath);
  if (body !== null) return refuse(body.status, body.message);
  const malformed = pathProblem(pathname);
  if (malformed !== null) return refuse(400, malformed);
  if (!publicPath) {
    const session = await sessionOf(request);
    const api = pathname.startsWith('/api/');
    if (session === null) {
      if (api) return refuse(401, 'sign in required: your session is missing or has expired');
      // Next resolves the request URL from the Host header, the host the browser used.
      const target = new URL(signInPath(`${pathname}${search}`), request.nextUrl);
      return NextResponse.redirect(target, { status: 307, headers: { 'Cache-Control': 'no-store' } });
    }
    const csrf = api ? csrfProblem(request, session.csrfToken) : null;
    if (csrf !== null) return refuse(403, csrf);
  }
  const requestHeaders = new Headers(request.headers);
  // Always overwritten, so a client cannot choose its own nonce.
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', csp);
  return NextResponse.next({ request: { headers: requestHeaders } });
}

/** Security headers and the sign-in gate for every route. */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  const nonce = randomBytes(16).toString('base64');
  const headers = securityHeaders(nonce, { secure: !isLoopbackRequest(request) });
  const response = await gate(request, nonce, headers['Content-Security-Policy'] ?? '');
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}
