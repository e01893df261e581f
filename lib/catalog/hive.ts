/**
 * Hive-style partition paths: `<table>/<key>=<value>/.../<file>`.
 *
 * Nothing here knows about Redshift: the keys come from the path, so
 * `clusterid=/startdate=`, `cluster=/date=` and extra levels such as `region=`
 * all parse the same way.
 */
import type { PartitionKeyType } from './types';

/** One `key=value` directory segment, both halves unescaped. */
export interface PartitionPair {
  key: string;
  value: string;
}

/** Where a file sits in a Hive layout. Paths are relative to the source root, with `/`. */
export interface HiveLocation {
  /** Folder of the table, e.g. `extract_redshift_query_logs/data/stl_query`. */
  tablePath: string;
  /** Last segment of `tablePath`, e.g. `stl_query`. */
  tableName: string;
  /** Partition segments between the table folder and the file, in path order. */
  partition: PartitionPair[];
}

/** Result of {@link parseHivePath}: a location, or why the file cannot belong to a table. */
export type HiveParseResult = { ok: true; location: HiveLocation } | { ok: false; reason: string };

/** Spark writes SQL NULL partition values as this literal folder value. */
export const HIVE_NULL_VALUE = '__HIVE_DEFAULT_PARTITION__';

/**
 * Undoes Spark's path escaping (`%3A` for `:`, `%2F` for `/`, ...).
 * Falls back to decoding only well-formed ASCII escapes when the text is not valid
 * percent-encoded UTF-8, so a stray `%` never makes a file unreadable.
 */
export function unescapePathPart(text: string): string {
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text.replace(/%([0-7][0-9A-Fa-f])/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  }
}

/**
 * Parses one directory segment as `key=value`, or returns null when it is not one.
 * The key is the text before the first `=` and must not be empty; the value may be.
 */
export function parsePartitionSegment(segment: string): PartitionPair | null {
  const eq = segment.indexOf('=');
  if (eq <= 0) return null;
  return { key: unescapePathPart(segment.slice(0, eq)), value: unescapePathPart(segment.slice(eq + 1)) };
}

/**
 * Locates a file in a Hive layout from its path segments relative to the root
 * (the last segment is the file name).
 *
 * The table folder is the last plain segment before the first `key=value` segment,
 * or the file's parent folder when there are no partition segments. A plain folder
 * after a partition folder, a repeated key, or a file with no folder above it cannot
 * be placed, and the reason names the offending folder.
 */
export function parseHivePath(segments: readonly string[]): HiveParseResult {
  const dirs = segments.slice(0, -1);
  const firstPartition = dirs.findIndex((segment) => parsePartitionSegment(segment) !== null);
  const tableEnd = firstPartition === -1 ? dirs.length : firstPartition;
  if (tableEnd === 0) {
    return {
      ok: false,
      reason: firstPartition === 0 ? `partition folder "${dirs[0] ?? ''}" is not inside a table folder` : 'file is not inside a table folder',
    };
  }
  const tableDirs = dirs.slice(0, tableEnd);
  const partition: PartitionPair[] = [];
  const seen = new Set<string>();
  for (let i = tableEnd; i < dirs.length; i += 1) {
    const segment = dirs[i] ?? '';
    const pair = parsePartitionSegment(segment);
    if (pair === null) {
      return {
        ok: false,
        reason: `folder "${segment}" comes after partition folder "${dirs[i - 1] ?? ''}" but is not a key=value partition`,
      };
    }
    if (seen.has(pair.key)) {
      return { ok: false, reason: `partition key "${pair.key}" appears twice in the path` };
    }
    seen.add(pair.key);
    partition.push(pair);
  }
  return {
    ok: true,
    location: { tablePath: tableDirs.join('/'), tableName: tableDirs[tableDirs.length - 1] ?? '', partition },
  };
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const INTEGER_PATTERN = /^-?(0|[1-9]\d*)$/;

/** True when `value` is `YYYY-MM-DD` and names a real calendar day. */
export function isIsoDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** True when `value` is a plain integer (no leading zeros, no `-0`) within JavaScript's safe range. */
export function isSafeIntegerText(value: string): boolean {
  return INTEGER_PATTERN.test(value) && value !== '-0' && Number.isSafeInteger(Number(value));
}

/**
 * Infers the SQL type of a partition key from all of its values: DATE when every
 * value is a real `YYYY-MM-DD` day, BIGINT when every value is an integer, else VARCHAR.
 * Spark's NULL marker is ignored; a key with no other values is VARCHAR.
 * Leading zeros keep a key VARCHAR, because `007` would not survive a cast to a number.
 */
export function inferPartitionKeyType(values: Iterable<string>): PartitionKeyType {
  let allDates = true;
  let allIntegers = true;
  let sawValue = false;
  for (const value of values) {
    if (value === HIVE_NULL_VALUE) continue;
    sawValue = true;
    if (allDates && !isIsoDate(value)) allDates = false;
    if (allIntegers && !isSafeIntegerText(value)) allIntegers = false;
    if (!allDates && !allIntegers) return 'VARCHAR';
  }
  if (!sawValue) return 'VARCHAR';
  return allDates ? 'DATE' : allIntegers ? 'BIGINT' : 'VARCHAR';
}
