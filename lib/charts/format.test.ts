import { describe, expect, it } from 'vitest';
import { formatDurationUs, formatForColumn, formatNumber, formatPercent, formatTimeCell, formatTimeMs, formatValue, resolveFormat } from './format';

describe('formatDurationUs', () => {
  it('writes µs as the largest readable units', () => {
    expect(formatDurationUs(0)).toBe('0 µs');
    expect(formatDurationUs(850)).toBe('850 µs');
    expect(formatDurationUs(12_500)).toBe('12.5 ms');
    expect(formatDurationUs(1_234)).toBe('1.23 ms');
    expect(formatDurationUs(1_200_000)).toBe('1.2 s');
    expect(formatDurationUs(42_000_000)).toBe('42 s');
    expect(formatDurationUs(184_000_000)).toBe('3 min 4 s');
    expect(formatDurationUs(7_500_000_000)).toBe('2 h 5 min');
    expect(formatDurationUs(3 * 86_400e6 + 4 * 3_600e6)).toBe('3 d 4 h');
    expect(formatDurationUs(-1_500_000)).toBe('-1.5 s');
  });
});

describe('formatValue', () => {
  it('applies each format', () => {
    expect(formatValue(1_234_567.891, 'number')).toBe('1,234,568');
    expect(formatValue(12.345, 'number')).toBe('12.35');
    expect(formatValue(0.0001234, 'number')).toBe('0.000123');
    expect(formatValue(1500, 'duration-ms')).toBe('1.5 s');
    expect(formatValue(184, 'duration-s')).toBe('3 min 4 s');
    expect(formatValue(1536, 'bytes')).toBe('1.5 KB');
    expect(formatValue(0.1234, 'percent')).toBe('12.3%');
    expect(formatValue(null, 'number')).toBe('—');
    expect(formatNumber(Number.NaN)).toBe('NaN');
    expect(formatPercent(0.05)).toBe('5%');
  });
});

describe('auto format from the column name', () => {
  it('reads Redshift duration, size and ratio names', () => {
    expect(formatForColumn('total_exec_time')).toBe('duration-us');
    expect(formatForColumn('total_queue_time')).toBe('duration-us');
    expect(formatForColumn('elapsed')).toBe('duration-us');
    expect(formatForColumn('p95_elapsed')).toBe('duration-us');
    expect(formatForColumn('queue_us')).toBe('duration-us');
    expect(formatForColumn('duration_ms')).toBe('duration-ms');
    expect(formatForColumn('runtime_seconds')).toBe('duration-s');
    expect(formatForColumn('bytes')).toBe('bytes');
    expect(formatForColumn('scanned_bytes')).toBe('bytes');
    expect(formatForColumn('abort_rate')).toBe('percent');
    expect(formatForColumn('queries')).toBe('number');
    expect(formatForColumn('status')).toBe('number');
    expect(resolveFormat('bytes', 'total_exec_time')).toBe('bytes');
    expect(resolveFormat('auto', 'total_exec_time')).toBe('duration-us');
  });
});

describe('UTC times', () => {
  it('writes timestamps and dates in UTC, the time part only when there is one', () => {
    expect(formatTimeMs(Date.UTC(2026, 10, 14))).toBe('2026-11-14');
    expect(formatTimeMs(Date.UTC(2026, 10, 14, 9, 5))).toBe('2026-11-14 09:05');
    expect(formatTimeMs(Date.UTC(2026, 10, 14, 9, 5, 7))).toBe('2026-11-14 09:05:07');
    expect(formatTimeCell(BigInt(Date.UTC(2026, 10, 14, 23, 59, 59)) * 1000n + 123n, 'timestamp')).toBe('2026-11-14 23:59:59');
    expect(formatTimeCell(BigInt(Date.UTC(2026, 1, 28) / 86_400_000), 'date')).toBe('2026-02-28');
  });
});
