import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './args';
import { resolveSampleOptions } from './options';

describe('cli flags', () => {
  it('parses every flag', () => {
    const cmd = parseCliArgs([
      '--clusters',
      '3',
      '--days',
      '7',
      '--queries-per-day',
      '500',
      '--out',
      'x',
      '--end-date',
      '2024-02-29',
      '--seed',
      '9',
      '--no-encrypt',
      '--if-missing',
    ]);
    expect(cmd).toEqual({
      kind: 'generate',
      options: { clusters: 3, days: 7, queriesPerDay: 500, out: 'x', endDate: '2024-02-29', seed: 9, encrypt: false, ifMissing: true },
    });
  });

  it('encrypts by default and leaves unset options to the defaults', () => {
    expect(parseCliArgs([])).toEqual({ kind: 'generate', options: { encrypt: true, ifMissing: false } });
    expect(parseCliArgs(['--help'])).toEqual({ kind: 'help' });
  });

  it('rejects bad input with a clear message', () => {
    expect(() => parseCliArgs(['--days', 'ten'])).toThrow(/--days expects a whole number/);
    expect(() => parseCliArgs(['--bogus'])).toThrow();
  });
});

describe('options', () => {
  it('defaults the end date to today (UTC)', () => {
    const o = resolveSampleOptions({}, new Date('2025-03-04T23:30:00Z'));
    expect(o).toMatchObject({ clusters: 5, days: 14, queriesPerDay: 1200, endDate: '2025-03-04' });
  });

  it('rejects impossible dates and sizes', () => {
    expect(() => resolveSampleOptions({ endDate: '2025-02-30' })).toThrow(/calendar date/);
    expect(() => resolveSampleOptions({ days: 0 })).toThrow(/days/);
    expect(() => resolveSampleOptions({ days: 3000, queriesPerDay: 1_000_000 })).toThrow(/overflow/);
  });
});
