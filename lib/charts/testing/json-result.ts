/**
 * Results from JSON fixtures, for shaping tests. JSON has no bigint, so
 * 64-bit, timestamp and date cells are written as strings (timestamps as
 * ISO text, dates as YYYY-MM-DD) and turned into the engine's values here.
 */
import type { CellValue, ColumnKind, ResultColumn, ResultSet } from '../../engine/result-set';

export interface JsonFixture {
  columns: { name: string; type: string; kind: ColumnKind }[];
  rows: (string | number | boolean | null)[][];
}

function engineValue(value: string | number | boolean | null, kind: ColumnKind): CellValue {
  if (value === null) return null;
  if (kind === 'timestamp' && typeof value === 'string') return BigInt(Date.parse(`${value.replace(' ', 'T')}Z`)) * 1000n;
  if (kind === 'date' && typeof value === 'string') return BigInt(Date.parse(`${value}T00:00:00Z`) / 86_400_000);
  if (kind === 'bigint') return BigInt(value as string | number);
  return value;
}

/** A result set over in-memory rows, with the engine's cell types. */
export function resultFromRows(columns: ResultColumn[], rows: CellValue[][]): ResultSet {
  return {
    columns,
    rowCount: rows.length,
    cell: (row, column) => rows[row]?.[column] ?? null,
  };
}

/** A result set from a JSON fixture. */
export function resultFromJson(fixture: JsonFixture): ResultSet {
  const rows = fixture.rows.map((row) => row.map((value, index) => engineValue(value, fixture.columns[index]?.kind ?? 'other')));
  return resultFromRows(fixture.columns, rows);
}
