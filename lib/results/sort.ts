/**
 * Sorting a result by one column without copying its rows: the answer is a
 * permutation (Uint32Array of row indices). Values are compared by type:
 * 64-bit integers and timestamps exactly (never through a float), numbers
 * numerically, text by code unit as DuckDB's default collation does. NULLs
 * go last in both directions, and equal values keep their result order.
 */
import { formatCell } from '../engine/cell-format';
import type { CellValue, ResultColumn, ResultSet } from '../engine/result-set';
import { radixSortIndices, type RadixKeys } from './radix';

export type SortDirection = 'ascending' | 'descending';

export interface SortSpec {
  column: number;
  direction: SortDirection;
}

/** A header click cycles ascending → descending → unsorted; another column starts at ascending. */
export function nextSort(current: SortSpec | null, column: number): SortSpec | null {
  if (!current || current.column !== column) return { column, direction: 'ascending' };
  return current.direction === 'ascending' ? { column, direction: 'descending' } : null;
}

/** The identity permutation 0‥count-1. */
export function identityOrder(count: number): Uint32Array {
  const order = new Uint32Array(count);
  for (let i = 0; i < count; i += 1) order[i] = i;
  return order;
}

const TWO_32 = 4_294_967_296;
const SIGN_BIT = 0x8000_0000;

const scratch = new Float64Array(1);
const scratchHalves = new Uint32Array(scratch.buffer);
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Writes an order-preserving unsigned 64-bit key for a double: -Inf < … < -0 = +0 < … < +Inf < NaN. */
function putFloatKey(value: number, keys: RadixKeys, row: number): void {
  scratch[0] = value === 0 ? 0 : Number.isNaN(value) ? Number.NaN : value;
  let lo = scratchHalves[LITTLE_ENDIAN ? 0 : 1] ?? 0;
  let hi = scratchHalves[LITTLE_ENDIAN ? 1 : 0] ?? 0;
  if (hi & SIGN_BIT) {
    hi = ~hi >>> 0;
    lo = ~lo >>> 0;
  } else {
    hi = (hi | SIGN_BIT) >>> 0;
  }
  keys.hi[row] = hi;
  keys.lo[row] = lo;
}

/** Writes an order-preserving unsigned key for a 64-bit integer (signed, or unsigned when `unsigned`). */
function putIntegerKey(value: bigint, unsigned: boolean, keys: RadixKeys, row: number): void {
  const approx = Number(value);
  let hi: number;
  let lo: number;
  if (Number.isSafeInteger(approx)) {
    // The common case, without BigInt arithmetic.
    const high = Math.floor(approx / TWO_32);
    hi = high >>> 0;
    lo = approx - high * TWO_32;
  } else {
    hi = Number(BigInt.asUintN(32, value >> 32n));
    lo = Number(BigInt.asUintN(32, value));
  }
  keys.hi[row] = unsigned ? hi : (hi ^ SIGN_BIT) >>> 0;
  keys.lo[row] = lo;
}

/** Compares two decimal texts such as `-12.50` and `3.1` exactly. */
export function compareDecimalText(a: string, b: string): number {
  const negA = a.startsWith('-');
  const negB = b.startsWith('-');
  const [intA = '', fracA = ''] = (negA ? a.slice(1) : a).split('.');
  const [intB = '', fracB = ''] = (negB ? b.slice(1) : b).split('.');
  const zeroA = /^0*$/.test(intA) && /^0*$/.test(fracA);
  const zeroB = /^0*$/.test(intB) && /^0*$/.test(fracB);
  const signA = zeroA ? 0 : negA ? -1 : 1;
  const signB = zeroB ? 0 : negB ? -1 : 1;
  if (signA !== signB) return signA < signB ? -1 : 1;
  if (signA === 0) return 0;
  const wholeA = intA.replace(/^0+/, '');
  const wholeB = intB.replace(/^0+/, '');
  let magnitude = wholeA.length - wholeB.length;
  if (magnitude === 0) {
    const width = Math.max(fracA.length, fracB.length);
    const digitsA = wholeA + fracA.padEnd(width, '0');
    const digitsB = wholeB + fracB.padEnd(width, '0');
    magnitude = digitsA < digitsB ? -1 : digitsA > digitsB ? 1 : 0;
  }
  return magnitude === 0 ? 0 : signA * Math.sign(magnitude);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `DECIMAL(p,s)` up to 15 digits converts to doubles without reordering or merging values. */
function decimalPrecision(type: string): number {
  const match = /^DECIMAL\((\d+)/.exec(type);
  return match ? Number(match[1]) : 38;
}

type Present = Exclude<CellValue, null>;

/**
 * How a column becomes radix keys: directly from the value (numbers, 64-bit
 * integers), or, for values only a comparison can order (text, wide
 * decimals), by rank among the column's distinct values.
 */
type ColumnPlan =
  | { kind: 'direct'; write: (value: Present, keys: RadixKeys, row: number) => void }
  | { kind: 'ranked'; text: (value: Present) => string; compare: (a: string, b: string) => number };

function planFor(column: ResultColumn): ColumnPlan {
  switch (column.kind) {
    case 'bigint':
    case 'timestamp':
    case 'date': {
      const unsigned = column.type.startsWith('U');
      return {
        kind: 'direct',
        write: (value, keys, row) => {
          if (typeof value === 'bigint') putIntegerKey(value, unsigned, keys, row);
          else putFloatKey(Number(value), keys, row);
        },
      };
    }
    case 'integer':
    case 'float':
    case 'boolean':
      return { kind: 'direct', write: (value, keys, row) => putFloatKey(Number(value), keys, row) };
    case 'decimal':
      return decimalPrecision(column.type) <= 15
        ? { kind: 'direct', write: (value, keys, row) => putFloatKey(Number(value), keys, row) }
        : { kind: 'ranked', text: String, compare: compareDecimalText };
    default:
      return {
        kind: 'ranked',
        text: (value) => (typeof value === 'string' ? value : formatCell(value, column.kind)),
        compare: compareText,
      };
  }
}

/**
 * Keys for a ranked column: each distinct value is compared once, so a text
 * column of a million rows but a few thousand values sorts fast.
 */
function writeRankedKeys(texts: readonly string[], rowsOf: Uint32Array, compare: (a: string, b: string) => number, keys: RadixKeys): void {
  const ids = new Uint32Array(texts.length);
  const distinct: string[] = [];
  const seen = new Map<string, number>();
  texts.forEach((text, i) => {
    let id = seen.get(text);
    if (id === undefined) {
      id = distinct.length;
      distinct.push(text);
      seen.set(text, id);
    }
    ids[i] = id;
  });
  const byValue = identityOrder(distinct.length).sort((a, b) => compare(distinct[a]!, distinct[b]!));
  const rank = new Uint32Array(distinct.length);
  let position = 0;
  byValue.forEach((id, i) => {
    // Values that compare equal (0.0 and -0.000) share a rank, so they keep their result order.
    if (i > 0 && compare(distinct[byValue[i - 1]!]!, distinct[id]!) !== 0) position = i;
    rank[id] = position;
  });
  for (let i = 0; i < texts.length; i += 1) {
    const row = rowsOf[i]!;
    keys.hi[row] = 0;
    keys.lo[row] = rank[ids[i]!]!;
  }
}

/**
 * The rows of `rows` (all of them, in result order unless `base` is given)
 * ordered by one column. Reads each cell once; sorting itself touches only
 * typed arrays, except to order the distinct values of text or wide decimals.
 */
export function sortOrder(rows: ResultSet, spec: SortSpec, base?: Uint32Array): Uint32Array {
  const column = rows.columns[spec.column];
  const order = base ?? identityOrder(rows.rowCount);
  if (!column) return Uint32Array.from(order);
  const plan = planFor(column);
  const keys: RadixKeys = { hi: new Uint32Array(rows.rowCount), lo: new Uint32Array(rows.rowCount) };
  const present = new Uint32Array(order.length);
  const missing = new Uint32Array(order.length);
  const texts: string[] = [];
  let presentCount = 0;
  let missingCount = 0;
  for (let i = 0; i < order.length; i += 1) {
    const row = order[i]!;
    const value = rows.cell(row, spec.column);
    if (value === null) {
      missing[missingCount++] = row;
      continue;
    }
    if (plan.kind === 'direct') plan.write(value, keys, row);
    else texts.push(plan.text(value));
    present[presentCount++] = row;
  }
  const rowsWithValues = present.subarray(0, presentCount);
  if (plan.kind === 'ranked') writeRankedKeys(texts, rowsWithValues, plan.compare, keys);
  if (spec.direction === 'descending') {
    // Complemented keys sorted ascending give descending values, with ties still in result order.
    for (const row of rowsWithValues) {
      keys.hi[row] = ~keys.hi[row]! >>> 0;
      keys.lo[row] = ~keys.lo[row]! >>> 0;
    }
  }
  const sorted = radixSortIndices(rowsWithValues, keys);
  const result = new Uint32Array(order.length);
  result.set(sorted, 0);
  result.set(missing.subarray(0, missingCount), presentCount);
  return result;
}
