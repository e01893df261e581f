import { describe, expect, it } from 'vitest';
import { formatCell, formatDateDays, formatTimestampMicros } from './cell-format';

describe('formatTimestampMicros', () => {
  it('prints UTC with microseconds, trimming trailing zeros like DuckDB', () => {
    expect(formatTimestampMicros(1_795_000_000_123_456n)).toBe('2026-11-18 11:06:40.123456');
    expect(formatTimestampMicros(1_795_000_000_120_000n)).toBe('2026-11-18 11:06:40.12');
    expect(formatTimestampMicros(0n)).toBe('1970-01-01 00:00:00');
  });

  it('handles instants before the epoch and leap days', () => {
    expect(formatTimestampMicros(-1n)).toBe('1969-12-31 23:59:59.999999');
    expect(formatDateDays(BigInt(Date.UTC(2024, 1, 29) / 86_400_000))).toBe('2024-02-29');
  });
});

describe('formatCell', () => {
  it('never loses precision on 64-bit integers', () => {
    expect(formatCell(9_007_199_254_740_993n, 'bigint')).toBe('9007199254740993');
  });

  it('marks NULL and prints floats like DuckDB', () => {
    expect(formatCell(null, 'text')).toBe('NULL');
    expect(formatCell(2, 'float')).toBe('2.0');
    expect(formatCell(0.25, 'float')).toBe('0.25');
    expect(formatCell(true, 'boolean')).toBe('true');
  });
});
