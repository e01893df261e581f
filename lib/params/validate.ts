/**
 * Checks a raw value (from a form, a URL or storage) against its definition
 * and turns it into SQL literals, or says what is wrong.
 */
import { isCalendarDate } from './dates';
import { paramError, type ParamError } from './errors';
import { dateLiteral, listLiteral, numberLiteral, textLiteral } from './literals';
import type { ParamDefinition } from './types';

/** The SQL a valid value renders to: one literal, or one per date-range end. */
export type ParamLiteral = { kind: 'single'; sql: string } | { kind: 'range'; start: string; end: string };

/** The outcome of {@link checkValue}. */
export type CheckResult = { ok: true; literal: ParamLiteral } | { ok: false; error: ParamError };

// Plain decimal notation only: no hex, no `Infinity`, nothing after the number.
const NUMBER_RE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

function labelOf(def: ParamDefinition): string {
  return def.label && def.label !== def.name ? `"${def.label}" ({{${def.name}}})` : `{{${def.name}}}`;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'nothing';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

function fail(def: ParamDefinition, code: ParamError['code'], message: string): CheckResult {
  return { ok: false, error: paramError(def.name, code, `${labelOf(def)}: ${message}`) };
}

function single(sql: string): CheckResult {
  return { ok: true, literal: { kind: 'single', sql } };
}

/** Why a string cannot go into SQL, if it cannot. */
function textProblem(value: string): string | undefined {
  // DuckDB strings end at NUL in places; refuse rather than truncate silently.
  if (value.includes('\u0000')) return 'contains a NUL character, which SQL text cannot hold. Remove it.';
  // A lone surrogate has no UTF-8 form and would reach DuckDB as a different character.
  if (!value.isWellFormed()) return 'contains broken Unicode (an unpaired surrogate). Retype the value.';
  return undefined;
}

function checkText(def: ParamDefinition, raw: unknown, allowEmpty: boolean): CheckResult {
  if (typeof raw !== 'string') return fail(def, 'wrong_type', `expected text but got ${describe(raw)}.`);
  if (!allowEmpty && raw === '') return fail(def, 'missing', 'choose a value.');
  const problem = textProblem(raw);
  return problem ? fail(def, 'invalid_text', problem) : single(textLiteral(raw));
}

function checkNumber(def: ParamDefinition, raw: unknown): CheckResult {
  if (typeof raw === 'bigint') return single(numberLiteral(raw.toString()));
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return fail(def, 'invalid_number', `${String(raw)} is not a finite number.`);
    return single(numberLiteral(String(raw)));
  }
  if (typeof raw !== 'string') return fail(def, 'wrong_type', `expected a number but got ${describe(raw)}.`);
  const text = raw.trim();
  if (text === '') return fail(def, 'missing', 'enter a number.');
  if (!NUMBER_RE.test(text) || !Number.isFinite(Number(text))) {
    return fail(def, 'invalid_number', `"${text.slice(0, 40)}" is not a number. Enter digits, e.g. 42 or 0.05.`);
  }
  // Keep the digits as typed (minus a leading +) so large integers stay exact.
  return single(numberLiteral(text.replace(/^\+/, '')));
}

function dateProblem(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return `expected a date but got ${describe(raw)}.`;
  if (!isCalendarDate(raw)) return `"${raw.slice(0, 40)}" is not a calendar date. Use YYYY-MM-DD, e.g. 2026-11-01.`;
  return undefined;
}

function checkDate(def: ParamDefinition, raw: unknown): CheckResult {
  if (raw === '') return fail(def, 'missing', 'choose a date.');
  const problem = dateProblem(raw);
  if (problem) return fail(def, typeof raw === 'string' ? 'invalid_date' : 'wrong_type', problem);
  return single(dateLiteral(raw as string));
}

function checkDateRange(def: ParamDefinition, raw: unknown): CheckResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return fail(def, 'wrong_type', `expected a date range with a start and an end but got ${describe(raw)}.`);
  }
  const { start, end } = raw as { start?: unknown; end?: unknown };
  if (start === undefined || start === null || start === '') return fail(def, 'missing', 'choose a start date.');
  if (end === undefined || end === null || end === '') return fail(def, 'missing', 'choose an end date.');
  const startProblem = dateProblem(start);
  if (startProblem) return fail(def, typeof start === 'string' ? 'invalid_date' : 'wrong_type', `start ${startProblem}`);
  const endProblem = dateProblem(end);
  if (endProblem) return fail(def, typeof end === 'string' ? 'invalid_date' : 'wrong_type', `end ${endProblem}`);
  // ISO dates compare correctly as strings.
  if ((start as string) > (end as string)) return fail(def, 'invalid_range', `the start ${String(start)} is after the end ${String(end)}.`);
  return { ok: true, literal: { kind: 'range', start: dateLiteral(start as string), end: dateLiteral(end as string) } };
}

function checkMultiSelect(def: ParamDefinition, raw: unknown): CheckResult {
  if (!Array.isArray(raw)) return fail(def, 'wrong_type', `expected a list of choices but got ${describe(raw)}.`);
  const items: unknown[] = raw;
  const bad = items.find((item) => typeof item !== 'string');
  if (bad !== undefined) return fail(def, 'wrong_type', `every choice must be text, but one is ${describe(bad)}.`);
  const values = [...new Set(items as string[])];
  // `IN ()` is a syntax error, and `IN (NULL)` would silently match nothing.
  if (values.length === 0) return fail(def, 'empty_selection', 'choose at least one value.');
  for (const value of values) {
    const problem = textProblem(value);
    if (problem) return fail(def, 'invalid_text', `the choice "${value.slice(0, 40)}" ${problem}`);
  }
  return single(listLiteral(values));
}

/**
 * Checks `raw` against `def`. `undefined` and `null` are missing values; the
 * caller decides beforehand whether a default stands in for them.
 */
export function checkValue(def: ParamDefinition, raw: unknown): CheckResult {
  if (raw === undefined || raw === null) return fail(def, 'missing', 'a value is required.');
  switch (def.type) {
    case 'text':
      return checkText(def, raw, true);
    case 'select':
      return checkText(def, raw, false);
    case 'number':
      return checkNumber(def, raw);
    case 'date':
      return checkDate(def, raw);
    case 'date_range':
      return checkDateRange(def, raw);
    case 'multi_select':
      return checkMultiSelect(def, raw);
  }
}
