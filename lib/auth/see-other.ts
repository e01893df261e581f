/** The redirect every sign-in step answers with. */

/**
 * A 303 to `location` with optional `Set-Cookie` values. A relative location is
 * resolved by the browser against the URL it used, so no host from headers is trusted.
 */
export function seeOther(location: string, cookies: readonly string[] = []): Response {
  const headers = new Headers({ Location: location, 'Cache-Control': 'no-store' });
  for (const value of cookies) headers.append('Set-Cookie', value);
  return new Response(null, { status: 303, headers });
}
