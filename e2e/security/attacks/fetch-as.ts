/**
 * Plain `fetch` as a signed-in user (or nobody), the way a script would send
 * it: the session cookie, the CSRF token header, and a same-site Origin, so
 * that a refusal comes from the check under attack and not from the CSRF guard.
 */
import { CSRF_HEADER } from '../../../lib/auth/constants';
import type { AttackOutcome, Session } from '../types';

/** A JSON request as `session` (none: signed out). Never follows redirects. */
export async function fetchAs(baseUrl: string, session: Session | null, method: string, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { Origin: baseUrl };
  if (session) {
    headers.Cookie = session.cookie;
    headers[CSRF_HEADER] = session.csrf;
  }
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  return fetch(new URL(path, baseUrl), { method, headers, body: body === undefined ? undefined : JSON.stringify(body), redirect: 'manual' });
}

/** The `error` of a JSON answer, or its first characters. */
export async function answerText(response: Response): Promise<string> {
  const text = await response.text();
  try {
    const parsed = JSON.parse(text) as { error?: unknown };
    if (typeof parsed.error === 'string') return parsed.error;
  } catch {
    // not JSON: the text itself
  }
  return text.slice(0, 160);
}

/** One outcome that expects `status`, received as status and message. */
export async function expectStatus(attack: string, response: Response, status: number, badInputs = 1): Promise<AttackOutcome> {
  const message = await answerText(response);
  return {
    attack,
    expected: String(status),
    received: `${response.status}${message ? ` ${message}` : ''}`.slice(0, 200),
    passed: response.status === status,
    badInputs,
  };
}
