/**
 * The process-wide sign-in throttle and the answer to a refused attempt:
 * 429 with `Retry-After`. A browser's form post gets a page that goes straight
 * back to the sign-in form, which shows "Too many attempts, try again in N s".
 */
import { SIGN_IN_PATH } from './constants';
import { SignInThrottle, throttleSettingsFromEnv } from './throttle';

const KEY = Symbol.for('clusterscope.auth.signInThrottle');
type GlobalWithThrottle = typeof globalThis & { [KEY]?: SignInThrottle };

/** The throttle every sign-in of this process counts against. */
export function signInThrottle(): SignInThrottle {
  const holder = globalThis as GlobalWithThrottle;
  holder[KEY] ??= new SignInThrottle(throttleSettingsFromEnv());
  return holder[KEY];
}

/**
 * The client an attempt comes from: the last `X-Forwarded-For` hop, the address
 * Next.js or the reverse proxy in front saw. Served without a proxy, a client can
 * choose this value; the per-account limit and the hash gate still hold then.
 */
export function clientOf(request: Request): string {
  const hops = request.headers.get('x-forwarded-for')?.split(',') ?? [];
  return hops.at(-1)?.trim().slice(0, 64) || 'unknown';
}

let lastLog = 0;
let unlogged = 0;

/** Logs a refusal, at most one line a second so a flood does not flood the log too. */
export function logRefusal(reason: string): void {
  const now = Date.now();
  if (now - lastLog < 1000) {
    unlogged += 1;
    return;
  }
  const more = unlogged > 0 ? ` (and ${unlogged} more refused since the last line)` : '';
  console.warn(`sign-in refused: ${reason}${more}`);
  lastLog = now;
  unlogged = 0;
}

/** The user-facing message for a refusal. */
export function tooManyMessage(seconds: number): string {
  return `Too many attempts, try again in ${seconds} s.`;
}

/** 429 for a refused attempt: JSON for scripts, a page that returns to the form for browsers. */
export function tooManyAttempts(request: Request, seconds: number, next: string): Response {
  const headers = { 'Retry-After': String(seconds), 'Cache-Control': 'no-store' };
  if (!(request.headers.get('accept') ?? '').includes('text/html')) {
    return Response.json({ error: tooManyMessage(seconds), retryAfterSeconds: seconds }, { status: 429, headers });
  }
  const params = new URLSearchParams({ error: 'throttled', retry: String(seconds) });
  if (next !== '/') params.set('next', next);
  // Only digits and an encoded same-site path go into the markup, so nothing needs escaping beyond "&".
  const back = `${SIGN_IN_PATH}?${params.toString()}`.replaceAll('&', '&amp;');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${back}"><title>Too many attempts</title></head><body><p role="alert">${tooManyMessage(seconds)}</p><p><a href="${back}">Back to sign-in</a></p></body></html>`;
  return new Response(html, { status: 429, headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8' } });
}
