import { describe, expect, it } from 'vitest';
import { contentRange, parseRange } from './range';

describe('parseRange', () => {
  const size = 1000;

  it('serves the whole file without a header', () => {
    expect(parseRange(null, size)).toEqual({ kind: 'full' });
    expect(parseRange(undefined, size)).toEqual({ kind: 'full' });
  });

  it('parses closed, open and suffix ranges', () => {
    expect(parseRange('bytes=0-99', size)).toEqual({ kind: 'partial', start: 0, end: 99 });
    expect(parseRange('bytes=990-', size)).toEqual({ kind: 'partial', start: 990, end: 999 });
    expect(parseRange('bytes=-8', size)).toEqual({ kind: 'partial', start: 992, end: 999 });
    expect(parseRange('Bytes = 5-5', size)).toEqual({ kind: 'partial', start: 5, end: 5 });
  });

  it('clamps an end past the file and a suffix longer than the file', () => {
    expect(parseRange('bytes=500-5000', size)).toEqual({ kind: 'partial', start: 500, end: 999 });
    expect(parseRange('bytes=-5000', size)).toEqual({ kind: 'partial', start: 0, end: 999 });
    expect(parseRange('bytes=0-99999999999999999999999', size)).toEqual({ kind: 'partial', start: 0, end: 999 });
  });

  it('is unsatisfiable for a start at or past the end, a zero suffix, or an empty file', () => {
    expect(parseRange('bytes=1000-', size)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=1000-2000', size)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=5000-6000', size)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=-0', size)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=0-', 0)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=-1', 0)).toEqual({ kind: 'unsatisfiable' });
  });

  it.each(['bytes=', 'bytes=-', 'bytes=abc', 'bytes=1-2-3', 'bytes=5-1', 'bytes=+1-2', 'bytes=0x1-2', 'items=0-1', '0-1', 'bytes 0-1', 'bytes=1.5-2'])(
    'ignores malformed %j',
    (header) => {
      expect(parseRange(header, size)).toEqual({ kind: 'full' });
    },
  );

  it('serves the whole file for multiple ranges', () => {
    expect(parseRange('bytes=0-1,5-6', size)).toEqual({ kind: 'full' });
    expect(parseRange('bytes=0-1, -5', size)).toEqual({ kind: 'full' });
    expect(parseRange('bytes=0-1,', size)).toEqual({ kind: 'partial', start: 0, end: 1 });
  });
});

describe('contentRange', () => {
  it('formats 206 and 416 values', () => {
    expect(contentRange({ kind: 'partial', start: 0, end: 9 }, 100)).toBe('bytes 0-9/100');
    expect(contentRange({ kind: 'unsatisfiable' }, 100)).toBe('bytes */100');
    expect(contentRange({ kind: 'full' }, 100)).toBeUndefined();
  });
});
