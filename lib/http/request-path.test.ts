import { describe, expect, it } from 'vitest';
import { pathProblem } from './request-path';

describe('pathProblem', () => {
  it('accepts paths that decode, including encoded UTF-8 and slashes', () => {
    for (const path of ['/', '/api/files/a/b.parquet', '/s/%C3%A9t%C3%A9', '/api/files/..%2fx', '/%2e%2e']) expect(pathProblem(path)).toBeNull();
  });

  it('refuses escapes that are not UTF-8', () => {
    for (const path of ['/api/files/..%c0%af..%c0%afetc', '/s/%ff', '/api/users/%c0', '/x/%e2%82', '/%zz%']) {
      expect(pathProblem(path)).toBe('the address is not valid: its %-escapes are not UTF-8');
    }
  });
});
