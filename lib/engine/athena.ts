/**
 * Athena compatibility, so SQL pasted from existing Athena dashboards runs:
 * the Glue crawler's table names, and the Presto functions DuckDB 0.9 lacks
 * or spells differently. Listed in the README; keep both in step.
 */
import { VARBINARY_HEX_MACRO } from '../sql/athena';
import { quoteIdent } from './sql-text';

/** The database the Glue crawler creates for the export. */
export const ATHENA_DATABASE = 'redshift_query_logs_db';

/** The Glue crawler names each table `ext_<table>`. */
export function athenaTableName(table: string): string {
  return `ext_${table}`;
}

/**
 * Upper-case hex of a BLOB, which DuckDB 0.9 cannot write (no hex(BLOB)). Its
 * bits, cast to a BIT string, are cut into nibbles ('0110 0001 '), each nibble
 * becomes a letter that no later nibble pattern can match, and the letters become
 * hex digits. No lambda: DuckDB 0.9 takes a lambda's parameter for a column in
 * a GROUP BY query.
 */
function blobHexSql(blob: string): string {
  const bits = `CAST(CAST(CAST(${blob} AS BLOB) AS BIT) AS VARCHAR)`;
  let nibbles = `regexp_replace(${bits}, '([01]{4})', '\\1 ', 'g')`;
  for (let digit = 0; digit < 16; digit += 1) {
    nibbles = `replace(${nibbles}, '${digit.toString(2).padStart(4, '0')} ', '${String.fromCharCode(71 + digit)}')`;
  }
  return `CASE WHEN octet_length(CAST(${blob} AS BLOB)) = 0 THEN '' ELSE translate(${nibbles}, 'GHIJKLMNOPQRSTUV', '0123456789ABCDEF') END`;
}

/**
 * Presto functions as DuckDB macros. DuckDB 0.9 binds a macro body when it
 * is created, so every argument is cast to the type the body needs.
 */
export const PRESTO_MACROS: readonly { name: string; sql: string }[] = [
  { name: 'to_utf8', sql: 'CREATE OR REPLACE MACRO to_utf8(s) AS encode(CAST(s AS VARCHAR))' },
  { name: 'from_utf8', sql: 'CREATE OR REPLACE MACRO from_utf8(b) AS decode(CAST(b AS BLOB))' },
  // lib/sql/athena.ts sends Presto's to_hex over varbinary here.
  { name: 'to_hex', sql: `CREATE OR REPLACE MACRO ${VARBINARY_HEX_MACRO}(b) AS ${blobHexSql('b')}` },
  {
    // DuckDB's own 2-argument date_add cannot be replaced, so the rewrite below sends
    // Presto's form (a unit literal first) here under a name of the same length.
    name: 'date_add',
    sql: `CREATE OR REPLACE MACRO pdateadd(unit, n, ts) AS CASE lower(CAST(unit AS VARCHAR))
      WHEN 'millisecond' THEN CAST(ts AS TIMESTAMP) + to_milliseconds(CAST(n AS BIGINT))
      WHEN 'second' THEN CAST(ts AS TIMESTAMP) + to_seconds(CAST(n AS BIGINT))
      WHEN 'minute' THEN CAST(ts AS TIMESTAMP) + to_minutes(CAST(n AS BIGINT))
      WHEN 'hour' THEN CAST(ts AS TIMESTAMP) + to_hours(CAST(n AS BIGINT))
      WHEN 'day' THEN CAST(ts AS TIMESTAMP) + to_days(CAST(n AS INTEGER))
      WHEN 'week' THEN CAST(ts AS TIMESTAMP) + to_days(7 * CAST(n AS INTEGER))
      WHEN 'month' THEN CAST(ts AS TIMESTAMP) + to_months(CAST(n AS INTEGER))
      WHEN 'quarter' THEN CAST(ts AS TIMESTAMP) + to_months(3 * CAST(n AS INTEGER))
      WHEN 'year' THEN CAST(ts AS TIMESTAMP) + to_years(CAST(n AS INTEGER))
    END`,
  },
  // Normalised to UTC: the wasm build has no time zone support for TIMESTAMPTZ arithmetic.
  { name: 'from_iso8601_timestamp', sql: 'CREATE OR REPLACE MACRO from_iso8601_timestamp(s) AS CAST(CAST(CAST(s AS VARCHAR) AS TIMESTAMPTZ) AS TIMESTAMP)' },
  { name: 'from_iso8601_date', sql: 'CREATE OR REPLACE MACRO from_iso8601_date(s) AS CAST(CAST(s AS VARCHAR) AS DATE)' },
  { name: 'array_join', sql: 'CREATE OR REPLACE MACRO array_join(a, sep) AS array_to_string(a, CAST(sep AS VARCHAR))' },
  { name: 'from_unixtime', sql: 'CREATE OR REPLACE MACRO from_unixtime(x) AS to_timestamp(CAST(x AS DOUBLE))' },
  { name: 'to_unixtime', sql: 'CREATE OR REPLACE MACRO to_unixtime(ts) AS epoch(CAST(ts AS TIMESTAMP))' },
  { name: 'regexp_like', sql: 'CREATE OR REPLACE MACRO regexp_like(s, p) AS regexp_matches(CAST(s AS VARCHAR), CAST(p AS VARCHAR))' },
  { name: 'approx_distinct', sql: 'CREATE OR REPLACE MACRO approx_distinct(x) AS approx_count_distinct(x)' },
];

/** Everything the engine runs once its views exist: the macros, then the Athena names. */
export function athenaSetupSql(tables: readonly string[]): string[] {
  return [...PRESTO_MACROS.map((macro) => macro.sql), ...athenaViewSql(tables)];
}

/** Statements that create the Athena names for the given tables. */
export function athenaViewSql(tables: readonly string[]): string[] {
  return [
    `CREATE SCHEMA IF NOT EXISTS ${quoteIdent(ATHENA_DATABASE)}`,
    ...tables.flatMap((table) => [
      `CREATE OR REPLACE VIEW ${quoteIdent(athenaTableName(table))} AS SELECT * FROM main.${quoteIdent(table)}`,
      `CREATE OR REPLACE VIEW ${quoteIdent(ATHENA_DATABASE)}.${quoteIdent(athenaTableName(table))} AS SELECT * FROM main.${quoteIdent(table)}`,
    ]),
  ];
}
