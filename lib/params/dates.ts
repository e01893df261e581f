/** Calendar dates as `YYYY-MM-DD` strings, the form DuckDB's DATE literal takes. */

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

function parts(value: string): [number, number, number] | undefined {
  const match = DATE_RE.exec(value);
  if (!match) return undefined;
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/**
 * True when `value` is `YYYY-MM-DD` and names a day that exists (no
 * 2026-02-30), in years 0001 to 9999.
 */
export function isCalendarDate(value: string): boolean {
  const p = parts(value);
  if (!p) return false;
  const [year, month, day] = p;
  if (year < 1) return false;
  // Date.UTC maps 0-99 to 1900-1999, so set the full year explicitly.
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The day `days` after `date` (negative for before). Throws on a malformed date: callers pass checked ones. */
export function addDays(date: string, days: number): string {
  if (!isCalendarDate(date)) throw new Error(`Not a calendar date: ${date}`);
  const ms = Date.parse(`${date}T00:00:00Z`) + days * MS_PER_DAY;
  return new Date(ms).toISOString().slice(0, 10);
}

/** Today's date in UTC, the time zone of the exports' `startdate`. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
