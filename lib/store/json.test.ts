import { describe, expect, it } from 'vitest';
import { jsonByteLength, jsonProblem, utf8ByteLength } from './json';

describe('jsonProblem', () => {
  it('accepts plain JSON', () => {
    expect(jsonProblem({ a: [1, 'x', null, true, { b: -2.5 }] })).toBeNull();
    expect(jsonProblem(Object.assign(Object.create(null) as object, { a: 1 }))).toBeNull();
  });

  it('names what is not JSON', () => {
    expect(jsonProblem(undefined)).toBe('undefined is not a JSON value');
    expect(jsonProblem({ a: Number.NaN })).toBe('numbers must be finite');
    expect(jsonProblem({ a: new Date(0) })).toBe('only plain objects and arrays are JSON');
    expect(jsonProblem([() => 1])).toBe('function is not a JSON value');
  });

  it('refuses hostile nesting without overflowing the stack', () => {
    const depth = 200_000;
    const nested: unknown = JSON.parse('['.repeat(depth) + ']'.repeat(depth));
    expect(jsonProblem(nested)).toBe('nested deeper than 32 levels');
    expect(jsonProblem(JSON.parse('['.repeat(32) + ']'.repeat(32)))).toBeNull();
  });
});

describe('byte lengths', () => {
  it('counts UTF-8 bytes, not UTF-16 units', () => {
    expect(utf8ByteLength('é')).toBe(2);
    expect(utf8ByteLength('😀')).toBe(4);
    expect(jsonByteLength({ k: 'é' })).toBe('{"k":"é"}'.length + 1);
  });
});
