import { describe, expect, it } from 'vitest';
import { isPublicPath } from './public-paths';

describe('isPublicPath', () => {
  it('opens only the sign-in page, its assets and the engine files', () => {
    for (const path of ['/signin', '/api/auth/signin', '/api/auth/oidc/callback', '/icon.svg', '/_next/static/chunks/a.js', '/duckdb/1.28.0/duckdb-eh.wasm']) {
      expect(isPublicPath(path)).toBe(true);
    }
    for (const path of ['/', '/api/catalog', '/api/files/x.parquet', '/api/auth/me', '/api/users', '/signin/x', '/duckdbx', '/_next/image', '/api/queries']) {
      expect(isPublicPath(path)).toBe(false);
    }
  });
});
