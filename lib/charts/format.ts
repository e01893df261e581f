/**
 * How chart values and axis labels are written: durations from µs, ms or s,
 * thousands separators, UTC dates, bytes and ratios as percentages. `auto`
 * reads the column name, because Redshift's system tables keep durations as
 * bare integers (`total_exec_time` is µs) with nothing else to tell them apart.
 */
import type { ColumnKind } from '../engine/result-set';
import { formatBytes } from '../console/units';
import type { ValueFormat } from './config';
import { timeToMs } from './columns';

/** A concrete format (what `auto` resolves to). */
export type ResolvedFormat = Exclude<ValueFormat, 'auto'>;

const NAME_RULES: readonly [RegExp, ResolvedFormat][] = [
  [/(_us|_usec|_micros|_microseconds)$/i, 'duration-us'],
  [/(_ms|_msec|_millis|_milliseconds)$/i, 'duration-ms'],
  [/(_s|_sec|_secs|_seconds)$/i, 'duration-s'],
  // Redshift system tables give elapsed, queue and execution times in µs.
  [/(^|_)(elapsed|duration)(_|$)/i, 'duration-us'],
  [/(^|_)(queue|exec|execution|compile|plan|wait|lock|run|total)_?time(_|$)/i, 'duration-us'],
  [/(^|_)(bytes|size_bytes)$|_bytes$/i, 'bytes'],
  [/(_ratio|_rate|_fraction|_share)$|^(ratio|rate|fraction|share)$/i, 'percent'],
];

/** The format `auto` means for a column name. */
export function formatForColumn(name: string): ResolvedFormat {
  for (const [pattern, format] of NAME_RULES) if (pattern.test(name)) return format;
  return 'number';
}

/** Resolves `auto` against the column; any other format stays. */
export function resolveFormat(format: ValueFormat, column: string): ResolvedFormat {
  return format === 'auto' ? formatForColumn(column) : format;
}

const integerFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const smallFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const tinyFormat = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 });

/** `1234567.891` gives `1,234,567.89`; small values keep three significant digits. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const size = Math.abs(value);
  if (size >= 1000) return integerFormat.format(value);
  if (size >= 1 || size === 0) return smallFormat.format(value);
  return tinyFormat.format(value);
}

function trimmed(value: number, digits: number): string {
  return Number(value.toFixed(digits)).toString();
}

/**
 * A duration in µs, readable: `850 µs`, `12.5 ms`, `1.2 s`, `3 min 4 s`,
 * `2 h 5 min`, `3 d 4 h`. Negative durations keep their sign.
 */
export function formatDurationUs(micros: number): string {
  if (!Number.isFinite(micros)) return String(micros);
  if (micros < 0) return `-${formatDurationUs(-micros)}`;
  if (micros < 1000) return `${trimmed(micros, 0)} µs`;
  const ms = micros / 1000;
  if (ms < 1000) return `${trimmed(ms, ms < 10 ? 2 : 1)} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${trimmed(seconds, seconds < 10 ? 2 : 1)} s`;
  const totalSeconds = Math.round(seconds);
  if (totalSeconds < 3600) return `${Math.floor(totalSeconds / 60)} min ${totalSeconds % 60} s`;
  const totalMinutes = Math.round(totalSeconds / 60);
  if (totalMinutes < 24 * 60) return `${Math.floor(totalMinutes / 60)} h ${totalMinutes % 60} min`;
  const totalHours = Math.round(totalMinutes / 60);
  return `${Math.floor(totalHours / 24)} d ${totalHours % 24} h`;
}

/** A ratio as a percentage: `0.1234` gives `12.3%`. */
export function formatPercent(ratio: number): string {
  if (!Number.isFinite(ratio)) return String(ratio);
  const percent = ratio * 100;
  return `${Math.abs(percent) >= 10 ? trimmed(percent, 1) : trimmed(percent, 2)}%`;
}

/** A measure value in a concrete format. */
export function formatValue(value: number | null, format: ResolvedFormat): string {
  if (value === null) return '—';
  switch (format) {
    case 'duration-us':
      return formatDurationUs(value);
    case 'duration-ms':
      return formatDurationUs(value * 1000);
    case 'duration-s':
      return formatDurationUs(value * 1_000_000);
    case 'bytes':
      return value < 0 ? `-${formatBytes(-value)}` : formatBytes(value);
    case 'percent':
      return formatPercent(value);
    case 'number':
      return formatNumber(value);
  }
}

/** Milliseconds since the epoch as UTC text; the time part only when there is one. */
export function formatTimeMs(ms: number, withTime = true): string {
  if (!Number.isFinite(ms)) return '';
  const iso = new Date(ms).toISOString();
  const day = iso.slice(0, 10);
  if (!withTime || iso.slice(11, 23) === '00:00:00.000') return day;
  return `${day} ${iso.slice(11, iso.slice(17, 23) === '00.000' ? 16 : 19)}`;
}

/** A time cell (µs timestamp or day number) as UTC text. */
export function formatTimeCell(value: bigint | number, kind: ColumnKind): string {
  const ms = timeToMs(value, kind);
  return ms === null ? '' : formatTimeMs(ms, kind !== 'date');
}
