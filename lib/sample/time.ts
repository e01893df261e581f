/** UTC day arithmetic in microseconds, the unit Redshift timestamps use. */

import type { Micros } from './types';

/** Microseconds per second. */
export const MICROS_PER_SECOND = 1_000_000;
/** Microseconds per minute. */
export const MICROS_PER_MINUTE = 60 * MICROS_PER_SECOND;
/** Microseconds per hour. */
export const MICROS_PER_HOUR = 60 * MICROS_PER_MINUTE;
/** Microseconds per day. */
export const MICROS_PER_DAY = 24 * MICROS_PER_HOUR;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses YYYY-MM-DD as a UTC day; throws on anything else, including 2024-02-30. */
export function parseDay(text: string): Micros {
  const m = DATE_RE.exec(text);
  if (!m) throw new Error(`Expected a date as YYYY-MM-DD, got "${text}"`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (formatDay(ms * 1000) !== text) throw new Error(`Not a calendar date: "${text}"`);
  return ms * 1000;
}

const dayNames = new Map<number, string>();

/** The UTC day (YYYY-MM-DD) a timestamp falls on. Cached: the generator asks for every row. */
export function formatDay(at: Micros): string {
  const dayNumber = Math.floor(at / MICROS_PER_DAY);
  let name = dayNames.get(dayNumber);
  if (name === undefined) {
    name = new Date(dayNumber * 86_400_000).toISOString().slice(0, 10);
    dayNames.set(dayNumber, name);
  }
  return name;
}

/** Start of the UTC day a timestamp falls on. */
export function dayStart(at: Micros): Micros {
  return Math.floor(at / MICROS_PER_DAY) * MICROS_PER_DAY;
}

/** The day n days after the given one, as YYYY-MM-DD. */
export function addDays(day: string, n: number): string {
  return formatDay(parseDay(day) + n * MICROS_PER_DAY);
}

/** Today's UTC date as YYYY-MM-DD. */
export function utcToday(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** The days of the window ending on endDate, oldest first. */
export function windowDays(endDate: string, days: number): string[] {
  const out: string[] = [];
  for (let i = days - 1; i >= 0; i--) out.push(addDays(endDate, -i));
  return out;
}

/** 0 = Sunday ... 6 = Saturday, in UTC. */
export function weekday(day: string): number {
  return new Date(parseDay(day) / 1000).getUTCDay();
}
