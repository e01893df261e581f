/** Small helpers the attack groups share: requests with a session, and outcomes. */
import type { AttackOutcome, Session } from './types';

/** Headers for a signed-in request; `csrf` adds the token unsafe methods need. */
export function authHeaders(session: Session | null, extra: Record<string, string> = {}, csrf = true): Record<string, string> {
  const headers: Record<string, string> = { ...extra };
  if (session) {
    headers.cookie = session.cookie;
    if (csrf) headers['x-csrf-token'] = session.csrf;
  }
  return headers;
}

/** One outcome: passed when `received` satisfies `ok`. */
export function outcome(attack: string, expected: string, received: string, passed: boolean, badInputs = 1): AttackOutcome {
  return { attack, expected, received, passed, badInputs };
}

/** An outcome that compares a status with the one expected. */
export function statusOutcome(attack: string, expected: number | readonly number[], status: number, badInputs = 1): AttackOutcome {
  const allowed = typeof expected === 'number' ? [expected] : expected;
  return outcome(attack, allowed.join(' or '), String(status), allowed.includes(status), badInputs);
}

/** The status and a short text of a response's body (drained, so the connection is freed). */
export async function statusAndText(response: Response): Promise<{ status: number; text: string }> {
  const text = await response.text().catch(() => '');
  return { status: response.status, text };
}

/** A form-encoded sign-in POST as a browser on this site sends it. */
export function signInRequest(baseUrl: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${baseUrl}/api/auth/signin`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

/** The value of cookie `name` among a response's `Set-Cookie` headers. */
export function setCookieValue(response: Response, name: string): string | undefined {
  const line = response.headers.getSetCookie().find((value) => value.startsWith(`${name}=`));
  return line?.slice(name.length + 1).split(';')[0];
}

/** Milliseconds `task` takes. */
export async function timed<T>(task: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await task();
  return { value, ms: Math.round(performance.now() - started) };
}
