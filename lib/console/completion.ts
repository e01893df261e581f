/**
 * What the editor completes: tables (with Athena's names), their columns
 * (partition keys included; after `alias.` too, which lang-sql resolves from
 * the FROM clause), SQL keywords, and the functions DuckDB and our Presto
 * macros provide. Built once per catalog; lookups are lang-sql's own.
 */
import type { Completion, CompletionSource } from '@codemirror/autocomplete';
import { sql, type SQLConfig, type SQLDialect } from '@codemirror/lang-sql';
import type { Extension } from '@codemirror/state';
import { athenaTableName, ATHENA_DATABASE, PRESTO_MACROS } from '../engine/athena';

/** DuckDB functions people reach for in these diagnostics; the rest complete as they are typed. */
const DUCKDB_FUNCTIONS = [
  'abs',
  'any_value',
  'approx_count_distinct',
  'approx_quantile',
  'arg_max',
  'arg_min',
  'array_agg',
  'array_to_string',
  'avg',
  'bool_and',
  'bool_or',
  'ceil',
  'coalesce',
  'concat',
  'concat_ws',
  'count',
  'count_if',
  'date_diff',
  'date_part',
  'date_trunc',
  'datediff',
  'epoch',
  'epoch_ms',
  'first',
  'floor',
  'greatest',
  'hash',
  'ifnull',
  'last',
  'least',
  'length',
  'list',
  'lower',
  'ltrim',
  'make_timestamp',
  'max',
  'max_by',
  'md5',
  'median',
  'min',
  'min_by',
  'mode',
  'now',
  'nullif',
  'quantile_cont',
  'quantile_disc',
  'regexp_extract',
  'regexp_matches',
  'regexp_replace',
  'replace',
  'round',
  'row_number',
  'rtrim',
  'split_part',
  'starts_with',
  'stddev',
  'strftime',
  'string_agg',
  'strptime',
  'substring',
  'sum',
  'time_bucket',
  'to_timestamp',
  'trim',
  'try_cast',
  'upper',
  'lag',
  'lead',
  'rank',
  'dense_rank',
  'ntile',
  'percent_rank',
];

/** Completion entries for functions, built once. */
const FUNCTION_COMPLETIONS: readonly Completion[] = [
  ...DUCKDB_FUNCTIONS.map((name) => ({ label: name, type: 'function', apply: `${name}(` })),
  ...PRESTO_MACROS.map((macro) => ({ label: macro.name, type: 'function', detail: 'Athena', apply: `${macro.name}(` })),
];

/** The lang-sql schema for a catalog: each table under its own, Athena's and the Glue database's names. */
export function completionSchema(tables: readonly { name: string; columns: readonly { name: string }[] }[]): SQLConfig['schema'] {
  const schema: Record<string, string[]> = {};
  const athena: Record<string, string[]> = {};
  for (const table of tables) {
    const columns = table.columns.map((column) => column.name);
    schema[table.name] = columns;
    schema[athenaTableName(table.name)] = columns;
    athena[athenaTableName(table.name)] = columns;
  }
  return { ...schema, [ATHENA_DATABASE]: athena } as unknown as SQLConfig['schema'];
}

/** Completes function names at word starts (keywords and schema come from lang-sql). */
const functionSource: CompletionSource = (context) => {
  const word = context.matchBefore(/[A-Za-z_][A-Za-z0-9_]*/);
  if (!word && !context.explicit) return null;
  const from = word?.from ?? context.pos;
  // After `alias.` only columns make sense; lang-sql's schema source offers them.
  if (context.state.sliceDoc(Math.max(0, from - 1), from) === '.') return null;
  return { from, options: FUNCTION_COMPLETIONS as Completion[], validFor: /^[A-Za-z0-9_]*$/ };
};

/** The editor's SQL language: lang-sql's schema and keyword completion, plus function names. */
export function sqlLanguage(dialect: SQLDialect, schema: SQLConfig['schema']): Extension {
  return [sql({ dialect, schema, upperCaseKeywords: true }), dialect.language.data.of({ autocomplete: functionSource })];
}
