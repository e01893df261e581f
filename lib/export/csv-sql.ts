/**
 * The same formula defusing as `./csv`, for CSV that DuckDB writes itself
 * (`COPY … TO`, the full-result export): the rule becomes a projection over
 * the result table, so no CSV byte is parsed again in JavaScript.
 */
import { quoteIdent, quoteLiteral } from '../engine/sql-text';
import { defuseFormula, FORMULA_TRIGGERS, type CellOrigin } from './csv';

export interface ExportColumn {
  name: string;
  /** DuckDB's type name, e.g. `BIGINT`, `VARCHAR`, `DECIMAL(18,3)`, `INTEGER[]`. */
  type: string;
}

/** Types whose text is a typed value (numbers, booleans, dates, times), written as is; every other type is text. */
const VALUE_TYPE =
  /^(U?(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT)|FLOAT|DOUBLE|DECIMAL\(\d+,\d+\)|BOOLEAN|DATE|TIME|TIME WITH TIME ZONE|TIMESTAMP(_S|_MS|_NS| WITH TIME ZONE)?)$/;

/** Whether a column of this DuckDB type holds free text (defused) or typed values (kept). */
export function originOfType(type: string): CellOrigin {
  return VALUE_TYPE.test(type) ? 'value' : 'text';
}

/**
 * The query that lists the columns of a temporary table in order, as one
 * string `hex(name):hex(type),…`. Both are hex-encoded, so no separator can
 * occur inside them (an ENUM or STRUCT type can hold any character).
 */
export function exportColumnsSql(table: string): string {
  return `SELECT string_agg(hex(column_name) || ':' || hex(data_type), ',' ORDER BY column_index) FROM duckdb_columns() WHERE database_name = 'temp' AND table_name = ${quoteLiteral(table)}`;
}

function fromHex(hex: string): string {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i += 1) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return new TextDecoder().decode(bytes);
}

/** Reads the answer of `exportColumnsSql`. */
export function parseExportColumns(raw: string): ExportColumn[] {
  if (!/^[0-9A-F]*:[0-9A-F]+(,[0-9A-F]*:[0-9A-F]+)*$/i.test(raw)) throw new Error('The export could not read the columns of its result.');
  return raw.split(',').map((entry) => {
    const [name = '', type = ''] = entry.split(':');
    return { name: fromHex(name), type: fromHex(type) };
  });
}

const TRIGGERS_SQL = FORMULA_TRIGGERS.map((char) => `chr(${char.charCodeAt(0)})`).join(', ');

/** The expression that writes a text column as `defuseFormula` would. */
function defusedExpression(name: string): string {
  const text = `CAST(${quoteIdent(name)} AS VARCHAR)`;
  return `CASE WHEN left(${text}, 1) IN (${TRIGGERS_SQL}) THEN '''' || ${text} ELSE ${text} END`;
}

/**
 * The select list for a CSV export of these columns: text columns defused,
 * typed ones untouched, and every header name defused too (a column alias is
 * text that a query, or a file's schema, chooses).
 */
export function defusedSelectList(columns: readonly ExportColumn[]): string {
  return columns
    .map((column) => {
      const value = originOfType(column.type) === 'text' ? defusedExpression(column.name) : quoteIdent(column.name);
      return `${value} AS ${quoteIdent(defuseFormula(column.name))}`;
    })
    .join(', ');
}
