import { describe, expect, it } from 'vitest';
import { safeNextPath, signInPath } from './redirect';

describe('safeNextPath', () => {
  it('keeps same-origin paths with their query and fragment', () => {
    expect(safeNextPath('/')).toBe('/');
    expect(safeNextPath('/?sql=select%201&run=1')).toBe('/?sql=select%201&run=1');
    expect(safeNextPath('/dashboards/abc#panel-2')).toBe('/dashboards/abc#panel-2');
    expect(safeNextPath('/s/x/../y')).toBe('/s/y');
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['absolute', 'https://evil.example/'],
    ['protocol-relative', '//evil.example/'],
    ['backslash', '/\\evil.example'],
    ['tab', '/\t/evil.example'],
    ['newline', '/\n/evil.example'],
    ['scheme', 'javascript:alert(1)'],
    ['relative', 'dashboards'],
    ['sign-in loop', '/signin?next=/'],
    ['auth API', '/api/auth/signout'],
    ['too long', `/${'a'.repeat(5000)}`],
  ])('rejects %s', (_label, value) => {
    expect(safeNextPath(value)).toBe('/');
  });
});

describe('signInPath', () => {
  it('carries a safe next and an error code only', () => {
    expect(signInPath('/')).toBe('/signin');
    expect(signInPath('/?sql=1')).toBe('/signin?next=%2F%3Fsql%3D1');
    expect(signInPath('//evil.example', 'invalid')).toBe('/signin?error=invalid');
  });
});
