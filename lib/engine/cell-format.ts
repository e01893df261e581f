/**
 * Text for a result cell. Timestamps are UTC with their full microsecond
 * precision; integers are exact; floats are shown as DuckDB would print them.
 */
import type { CellValue, ColumnKind } from './result-set';

const MICROS_PER_DAY = 86_400_000_000n;

function pad(value: number | bigint, width: number): string {
  return String(value).padStart(width, '0');
}

/** Civil date from days since 1970-01-01 (Howard Hinnant's algorithm), valid far beyond JS Date's range. */
function civilFromDays(days: bigint): string {
  const z = days + 719_468n;
  const era = (z >= 0n ? z : z - 146_096n) / 146_097n;
  const doe = z - era * 146_097n;
  const yoe = (doe - doe / 1_460n + doe / 36_524n - doe / 146_096n) / 365n;
  const doy = doe - (365n * yoe + yoe / 4n - yoe / 100n);
  const mp = (5n * doy + 2n) / 153n;
  const day = doy - (153n * mp + 2n) / 5n + 1n;
  const month = mp < 10n ? mp + 3n : mp - 9n;
  const year = yoe + era * 400n + (month <= 2n ? 1n : 0n);
  const yearText = year < 0n ? `-${pad(-year, 4)}` : pad(year, 4);
  return `${yearText}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Formats microseconds since the epoch as `YYYY-MM-DD HH:MM:SS[.ffffff]` UTC, trimming the fraction's trailing zeros as DuckDB does. */
export function formatTimestampMicros(micros: bigint): string {
  let days = micros / MICROS_PER_DAY;
  let rest = micros % MICROS_PER_DAY;
  if (rest < 0n) {
    rest += MICROS_PER_DAY;
    days -= 1n;
  }
  const seconds = rest / 1_000_000n;
  const fraction = rest % 1_000_000n;
  const time = `${pad(seconds / 3600n, 2)}:${pad((seconds / 60n) % 60n, 2)}:${pad(seconds % 60n, 2)}`;
  const fractionText = fraction === 0n ? '' : `.${pad(fraction, 6).replace(/0+$/, '')}`;
  return `${civilFromDays(days)} ${time}${fractionText}`;
}

/** Formats days since the epoch as `YYYY-MM-DD`. */
export function formatDateDays(days: bigint): string {
  return civilFromDays(days);
}

/** The text shown for a cell. `null` shows as the literal NULL marker. */
export function formatCell(value: CellValue, kind: ColumnKind): string {
  if (value === null) return 'NULL';
  if (kind === 'timestamp' && typeof value === 'bigint') return formatTimestampMicros(value);
  if (kind === 'date' && typeof value === 'bigint') return formatDateDays(value);
  if (typeof value === 'number' && kind === 'float') return Number.isInteger(value) ? value.toFixed(1) : String(value);
  return String(value);
}

/** Right-aligned kinds in the grid. */
export function isNumericKind(kind: ColumnKind): boolean {
  return kind === 'integer' || kind === 'bigint' || kind === 'float' || kind === 'decimal';
}
