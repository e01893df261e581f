/**
 * A query result as the UI reads it: typed columns and cell access by row,
 * straight from the Arrow batches (no copy into JS objects, so 100,000-row
 * results stay cheap). 64-bit integers stay bigint and timestamps keep their
 * microseconds: neither ever goes through a JS float.
 *
 * Only Arrow *types* are imported. The runtime classes come from the batches
 * DuckDB hands back, so there is never a second copy of apache-arrow in play,
 * and no bundler interop can leave an imported class undefined.
 */
import type { DataType, Field, RecordBatch, Vector } from 'apache-arrow';

/** How a column's values should be shown and compared. */
export type ColumnKind = 'integer' | 'bigint' | 'float' | 'decimal' | 'text' | 'boolean' | 'date' | 'timestamp' | 'other';

export interface ResultColumn {
  name: string;
  /** A SQL-like type name, e.g. BIGINT, VARCHAR, TIMESTAMP, DECIMAL(38,0). */
  type: string;
  kind: ColumnKind;
}

/**
 * A cell: null, a JS number (ints up to 32 bits, floats), a bigint (64-bit
 * ints; timestamps as microseconds since the epoch; dates as days), a string
 * (text, decimals already scaled), or a boolean.
 */
export type CellValue = null | number | bigint | string | boolean;

export interface ResultSet {
  columns: ResultColumn[];
  rowCount: number;
  cell(row: number, column: number): CellValue;
}

/** Arrow's `Type` enum values (format-defined, stable across versions). */
const TYPE = {
  Int: 2,
  Float: 3,
  Utf8: 5,
  Bool: 6,
  Decimal: 7,
  Date: 8,
  Timestamp: 10,
  Dictionary: -1,
} as const;

/** Arrow's `TimeUnit` values: SECOND=0, MILLISECOND=1, MICROSECOND=2, NANOSECOND=3. */
const MICROS_PER_UNIT: readonly bigint[] = [1_000_000n, 1_000n, 1n, 1n];
const NANOSECOND_UNIT = 3;

interface TypeFacts {
  typeId: number;
  bitWidth?: number;
  isSigned?: boolean;
  precision?: number;
  scale?: number;
  unit?: number;
  timezone?: string | null;
  dictionary?: DataType;
}

interface Describe {
  type: string;
  kind: ColumnKind;
}

function describe(type: DataType): Describe {
  const facts = type as unknown as TypeFacts;
  switch (facts.typeId) {
    case TYPE.Int: {
      const width = facts.bitWidth ?? 32;
      const name = width === 8 ? 'TINYINT' : width === 16 ? 'SMALLINT' : width === 64 ? 'BIGINT' : 'INTEGER';
      return { type: `${facts.isSigned === false ? 'U' : ''}${name}`, kind: width === 64 ? 'bigint' : 'integer' };
    }
    case TYPE.Float:
      return { type: facts.precision === 2 ? 'DOUBLE' : 'FLOAT', kind: 'float' };
    case TYPE.Decimal:
      return { type: `DECIMAL(${facts.precision ?? 18},${facts.scale ?? 0})`, kind: 'decimal' };
    case TYPE.Utf8:
      return { type: 'VARCHAR', kind: 'text' };
    case TYPE.Bool:
      return { type: 'BOOLEAN', kind: 'boolean' };
    case TYPE.Date:
      return { type: 'DATE', kind: 'date' };
    case TYPE.Timestamp:
      return { type: facts.timezone ? 'TIMESTAMPTZ' : 'TIMESTAMP', kind: 'timestamp' };
    case TYPE.Dictionary:
      return facts.dictionary ? describe(facts.dictionary) : { type: 'VARCHAR', kind: 'text' };
    default:
      return { type: String(type).toUpperCase(), kind: 'other' };
  }
}

/** Places the decimal point in an unscaled integer string: ("-12345", 2) gives "-123.45". */
export function scaleDecimal(digits: string, scale: number): string {
  if (scale <= 0) return digits;
  const negative = digits.startsWith('-');
  const body = (negative ? digits.slice(1) : digits).padStart(scale + 1, '0');
  const text = `${body.slice(0, body.length - scale)}.${body.slice(body.length - scale)}`;
  return negative ? `-${text}` : text;
}

type ChunkReader = (vector: Vector, index: number) => CellValue;

/**
 * The 64-bit value at `index` of a single-chunk vector. Arrow JS stores 64-bit
 * temporal values either as BigInt64Array or as pairs of int32 (low, high).
 */
export function rawInt64(vector: Vector, index: number): bigint | null {
  const data = vector.data[0];
  if (!data) return null;
  const at = index + data.offset;
  const values: unknown = data.values;
  if (values instanceof BigInt64Array) return values[at] ?? null;
  if (values instanceof Int32Array) {
    const low = values[at * 2];
    const high = values[at * 2 + 1];
    if (low === undefined || high === undefined) return null;
    return (BigInt(high) << 32n) | BigInt(low >>> 0);
  }
  return null;
}

function plainValue(vector: Vector, index: number): CellValue {
  const value: unknown = vector.get(index);
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'string' || typeof value === 'boolean') {
    return value;
  }
  return JSON.stringify(value, (_key, inner: unknown) => (typeof inner === 'bigint' ? inner.toString() : inner));
}

function readerFor(type: DataType): ChunkReader {
  const facts = type as unknown as TypeFacts;
  if (facts.typeId === TYPE.Timestamp) {
    const unit = facts.unit ?? 2;
    const scale = MICROS_PER_UNIT[unit] ?? 1n;
    return (vector, index) => {
      if (!vector.isValid(index)) return null;
      // Read the raw int64: Arrow's own getter returns float milliseconds.
      const raw = rawInt64(vector, index);
      if (raw === null) return null;
      return unit === NANOSECOND_UNIT ? raw / 1000n : raw * scale;
    };
  }
  if (facts.typeId === TYPE.Decimal) {
    const scale = facts.scale ?? 0;
    return (vector, index) => {
      const value: unknown = vector.get(index);
      return value === null || value === undefined ? null : scaleDecimal(String(value), scale);
    };
  }
  if (facts.typeId === TYPE.Date) {
    return (vector, index) => {
      const value: unknown = vector.get(index);
      const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : null;
      return ms === null ? null : BigInt(Math.round(ms / 86_400_000));
    };
  }
  return plainValue;
}

/**
 * Wraps the batches of one result. Each batch is one chunk per column, so a
 * row is found by batch first; results are read mostly in order (scrolling),
 * so the last batch is remembered.
 */
export function resultSetFromBatches(fields: readonly Field[], batches: readonly RecordBatch[]): ResultSet {
  const columns = fields.map((field) => ({ name: field.name, ...describe(field.type) }));
  const readers = fields.map((field) => readerFor(field.type));
  const starts: number[] = [];
  let rowCount = 0;
  for (const batch of batches) {
    starts.push(rowCount);
    rowCount += batch.numRows;
  }
  const vectors = batches.map((batch) => fields.map((_field, column) => batch.getChildAt(column)));
  let hint = 0;
  const locate = (row: number): number => {
    const start = starts[hint] ?? 0;
    const end = starts[hint + 1] ?? rowCount;
    if (row >= start && row < end) return hint;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] ?? 0) <= row) low = mid;
      else high = mid - 1;
    }
    hint = low;
    return low;
  };
  return {
    columns,
    rowCount,
    cell(row, column) {
      if (row < 0 || row >= rowCount) return null;
      const batch = locate(row);
      const vector = vectors[batch]?.[column];
      const read = readers[column];
      if (!vector || !read) return null;
      return read(vector, row - (starts[batch] ?? 0));
    },
  };
}
