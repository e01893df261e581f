import { describe, expect, it } from 'vitest';
import { safeNextPath, signInPath } from './redirect';

describe('safeNextPath', () => {
  it('keeps same-origin paths with their query and fragment', () => {
    expect(safeNextPath('/')).toBe('/');
    expect(safeNextPath('/?sql=select%201&run=1')).toBe('/?sql=select%201&run=1');
    expect(safeNextPath('/dashboards/abc#panel-2')).toBe('/dashboards/abc#panel-2');
    expect(safeNextPath('/s/x/../y')).toBe('/s/y');
    expect(safeNextPath('/./dashboards')).toBe('/dashboards');
    expect(safeNextPath('/?next=//evil.example')).toBe('/?next=//evil.example');
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
    ['dot segment', '/.//evil.example'],
    ['dot-dot segment', '/..//evil.example'],
    ['dot segments with a path', '/x/../..//evil.example/path'],
    ['encoded dot', '/%2e//evil.example'],
    ['encoded dot, upper case', '/%2E%2E//evil.example'],
    ['encoded dot-dot', '/%2e%2e//evil.example'],
    ['backslash after a dot', '/.\\evil.example'],
    ['encoded backslash', '/%5cevil.example'],
    ['encoded slashes', '/%2f%2fevil.example'],
    ['encoded slash after a dot', '/.%2f/evil.example'],
    ['tab in a dot segment', '/.\t//evil.example'],
    ['carriage return', '/\r//evil.example'],
    ['bad escape', '/%zz/%'],
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
