import type { APIResponse } from '@playwright/test';
import { SIGNED_OUT } from './support/sign-in-page';
import { expect, test } from './support/test';

function checkHeaders(response: APIResponse, route: string): string {
  const headers = response.headers();
  const csp = headers['content-security-policy'] ?? '';
  expect.soft(csp, `CSP on ${route}`).toMatch(/^default-src 'self'; script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'wasm-unsafe-eval'; /);
  expect.soft(csp, `no eval on ${route}`).not.toContain("'unsafe-eval'");
  expect.soft(csp, `no inline on ${route}`).not.toContain("'unsafe-inline'");
  for (const directive of ["connect-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"]) {
    expect.soft(csp, `${directive} on ${route}`).toContain(directive);
  }
  expect.soft(headers['referrer-policy'], route).toBe('no-referrer');
  expect.soft(headers['x-content-type-options'], route).toBe('nosniff');
  expect.soft(headers['x-frame-options'], route).toBe('DENY');
  expect.soft(headers['permissions-policy'], route).toContain('camera=()');
  expect.soft(headers['cross-origin-opener-policy'], route).toBe('same-origin');
  return csp;
}

test('every kind of route sends the CSP and the other security headers', async ({ page }) => {
  await page.goto('/');
  const manifest = (await (await page.request.get('/api/catalog')).json()) as { tables: { files?: { path: string }[] }[] };
  const file = manifest.tables.flatMap((table) => table.files ?? [])[0]?.path;
  const html = await (await page.request.get('/')).text();
  const chunk = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
  const routes = [
    '/',
    '/signin',
    '/api/catalog',
    '/api/queries',
    '/api/auth/me',
    '/api/users',
    '/icon.svg',
    '/duckdb/1.28.0/clusterscope-engine.worker.js',
    '/duckdb/1.28.0/duckdb-eh.wasm',
    '/no-such-page',
    '/api/no-such-route',
  ];
  if (chunk) routes.push(chunk);
  if (file) routes.push(`/api/files/${file.split('/').map(encodeURIComponent).join('/')}`);
  expect(chunk, 'a framework chunk in the page').toBeTruthy();
  for (const route of routes) {
    await test.step(route, async () => {
      checkHeaders(await page.request.get(route, { maxRedirects: 0 }), route);
    });
  }
});

test('each page gets a fresh nonce, carried by its scripts', async ({ page }) => {
  const first = await page.request.get('/');
  const second = await page.request.get('/');
  const nonceOf = (csp: string): string => /'nonce-([^']+)'/.exec(csp)?.[1] ?? '';
  const nonce = nonceOf(checkHeaders(first, '/'));
  expect(nonce.length).toBeGreaterThanOrEqual(20);
  expect(nonceOf(checkHeaders(second, '/'))).not.toBe(nonce);
  const html = await first.text();
  const inlineScripts = html.match(/<script(?![^>]*\bsrc=)[^>]*>/g) ?? [];
  expect(inlineScripts.length).toBeGreaterThan(0);
  for (const tag of inlineScripts) expect(tag).toContain(`nonce="${nonce}"`);
});

test.describe('signed out', () => {
  test.use(SIGNED_OUT);

  test('redirects and refusals carry the headers too', async ({ page }) => {
    const redirect = await page.request.get('/?sql=1', { maxRedirects: 0 });
    expect(redirect.status()).toBe(307);
    expect(redirect.headers().location).toMatch(/^(http:\/\/127\.0\.0\.1:\d+)?\/signin\?next=%2F%3Fsql%3D1$/);
    checkHeaders(redirect, 'redirect');
    const refused = await page.request.get('/api/catalog');
    expect(refused.status()).toBe(401);
    checkHeaders(refused, '401');
  });
});
