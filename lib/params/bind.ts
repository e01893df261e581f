/**
 * Renders a SQL text with its parameters replaced by safe literals, or
 * reports every parameter that is wrong. It never returns partial SQL.
 */
import { paramError, type ParamError } from './errors';
import { findPlaceholders, type Placeholder } from './placeholders';
import type { ParamDefinition, ParamValues } from './types';
import { checkValue, type ParamLiteral } from './validate';

/** The outcome of {@link bindParameters}. */
export type BindResult = { ok: true; sql: string } | { ok: false; errors: ParamError[] };

const WORD_CHAR = /[A-Za-z0-9_$'"]/;

function placeholderText(p: Placeholder): string {
  return p.field === undefined ? `{{${p.name}}}` : `{{${p.name}.${p.field}}}`;
}

/** The literal for one occurrence, or why the placeholder does not fit its parameter's type. */
function occurrenceSql(p: Placeholder, def: ParamDefinition, literal: ParamLiteral): { sql: string } | { error: ParamError } {
  if (literal.kind === 'range') {
    if (p.field === 'start') return { sql: literal.start };
    if (p.field === 'end') return { sql: literal.end };
    const hint = `{{${p.name}.start}} and {{${p.name}.end}}`;
    return { error: paramError(p.name, 'wrong_field', `${placeholderText(p)} is a date range: write ${hint} in the SQL.`) };
  }
  if (p.field !== undefined) {
    return {
      error: paramError(p.name, 'wrong_field', `${placeholderText(p)}: only date ranges have fields; ${def.name} is ${def.type}, so write {{${p.name}}}.`),
    };
  }
  return { sql: literal.sql };
}

/**
 * Pads a literal with spaces where it would otherwise fuse with its
 * neighbours: `E{{t}}` must not turn a plain string into an E'...' string
 * with backslash escapes, and `x{{n}}` must not become one identifier.
 */
function separated(sql: string, before: string, after: string): string {
  return `${WORD_CHAR.test(before) ? ' ' : ''}${sql}${WORD_CHAR.test(after) ? ' ' : ''}`;
}

/**
 * Replaces every `{{name}}` / `{{name.start}}` / `{{name.end}}` of `sql`
 * (outside string literals and comments) with the SQL literal of its value.
 *
 * - A value is taken from `values[name]`; when that is `undefined` the
 *   definition's `default` is used. `null` means "cleared" and is missing.
 * - Select values are not required to be among `options`: options come from
 *   the catalog and change, and any text is bound as a quoted literal anyway.
 * - An empty multi-select is an error (`empty_selection`) rather than SQL
 *   that silently matches nothing.
 *
 * On failure it returns one error per wrong parameter, in order of first use,
 * and no SQL.
 */
export function bindParameters(sql: string, definitions: readonly ParamDefinition[], values: ParamValues): BindResult {
  const defs = new Map(definitions.map((def) => [def.name, def]));
  const literals = new Map<string, ParamLiteral>();
  const errors = new Map<string, ParamError>();
  let out = '';
  let last = 0;
  for (const p of findPlaceholders(sql)) {
    if (errors.has(p.name)) continue;
    const def = defs.get(p.name);
    if (!def) {
      errors.set(
        p.name,
        paramError(p.name, 'undefined_parameter', `{{${p.name}}} is used in the SQL but is not a defined parameter. Add it to the parameters.`),
      );
      continue;
    }
    let literal = literals.get(p.name);
    if (!literal) {
      const raw = Object.hasOwn(values, p.name) && values[p.name] !== undefined ? values[p.name] : def.default;
      const checked = checkValue(def, raw);
      if (!checked.ok) {
        errors.set(p.name, checked.error);
        continue;
      }
      literal = checked.literal;
      literals.set(p.name, literal);
    }
    const occurrence = occurrenceSql(p, def, literal);
    if ('error' in occurrence) {
      errors.set(p.name, occurrence.error);
      continue;
    }
    out += sql.slice(last, p.start) + separated(occurrence.sql, sql[p.start - 1] ?? '', sql[p.end] ?? '');
    last = p.end;
  }
  if (errors.size > 0) return { ok: false, errors: [...errors.values()] };
  return { ok: true, sql: out + sql.slice(last) };
}

/** One message for all errors of a failed bind, e.g. for a status line. */
export function describeParamErrors(errors: readonly ParamError[]): string {
  return errors.map((error) => error.message).join(' ');
}

/** Binds the same parameter values into each statement; the first error, described, when a value is missing or wrong. */
export function bindStatements(
  statements: readonly string[],
  definitions: readonly ParamDefinition[],
  values: ParamValues,
): { sql: string[] } | { error: string } {
  const bound: string[] = [];
  for (const statement of statements) {
    const result = bindParameters(statement, definitions, values);
    if (!result.ok) return { error: describeParamErrors(result.errors) };
    bound.push(result.sql);
  }
  return { sql: bound };
}
