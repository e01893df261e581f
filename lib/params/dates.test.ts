import { describe, expect, it } from 'vitest';
import { addDays, isCalendarDate, todayUtc } from './dates';

describe('isCalendarDate', () => {
  it('accepts real days, leap days included', () => {
    for (const d of ['2026-11-01', '2024-02-29', '2000-02-29', '0001-01-01', '9999-12-31']) expect(isCalendarDate(d)).toBe(true);
  });

  it('rejects impossible days and other formats', () => {
    for (const d of [
      '2026-02-29',
      '1900-02-29',
      '2026-13-01',
      '2026-00-10',
      '2026-04-31',
      '0000-01-01',
      '2026-1-1',
      '2026-11-01T00:00',
      ' 2026-11-01',
      '20261101',
      '',
    ]) {
      expect(isCalendarDate(d)).toBe(false);
    }
  });
});

describe('addDays', () => {
  it('moves across months and years', () => {
    expect(addDays('2026-11-01', -6)).toBe('2026-10-26');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it('throws on a malformed date', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(/calendar date/);
  });
});

describe('todayUtc', () => {
  it('uses the UTC day', () => {
    expect(todayUtc(new Date('2026-11-01T23:30:00-05:00'))).toBe('2026-11-02');
  });
});
