import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiFetch, csrfToken } from './browser-fetch';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('apiFetch', () => {
  it('reads the CSRF cookie among others', () => {
    expect(csrfToken('a=1; cs_csrf=tok%3Den; b=2')).toBe('tok=en');
    expect(csrfToken('a=1')).toBeUndefined();
    expect(csrfToken('')).toBeUndefined();
  });

  it('prefers the __Host- CSRF cookie (https), so a bare-named cookie planted by another host is not echoed', () => {
    expect(csrfToken('cs_csrf=planted; __Host-cs_csrf=real')).toBe('real');
    expect(csrfToken('__Host-cs_csrf=real')).toBe('real');
  });

  it('sends the token on state-changing requests only, and same-origin credentials always', async () => {
    const seen: { method: string; token: string | null; credentials: RequestCredentials | undefined }[] = [];
    vi.stubGlobal('document', { cookie: 'cs_csrf=secret-token' });
    vi.stubGlobal('fetch', async (_input: string, init: RequestInit) => {
      seen.push({ method: init.method ?? 'GET', token: new Headers(init.headers).get('x-csrf-token'), credentials: init.credentials });
      return new Response(null, { status: 204 });
    });
    await apiFetch('/api/queries');
    await apiFetch('/api/queries', { method: 'post', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    await apiFetch('/api/queries/1', { method: 'DELETE' });
    expect(seen).toEqual([
      { method: 'GET', token: null, credentials: 'same-origin' },
      { method: 'post', token: 'secret-token', credentials: 'same-origin' },
      { method: 'DELETE', token: 'secret-token', credentials: 'same-origin' },
    ]);
  });
});
