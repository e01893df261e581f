/**
 * Parameter errors: typed, naming the parameter, with a message fit to show
 * the user next to the field.
 */

/** What is wrong with a parameter. */
export type ParamErrorCode =
  /** No value, and no default. */
  | 'missing'
  /** A value of the wrong kind, e.g. a list for a number. */
  | 'wrong_type'
  /** Not a finite number. */
  | 'invalid_number'
  /** Not a real `YYYY-MM-DD` calendar date. */
  | 'invalid_date'
  /** A date range that ends before it starts. */
  | 'invalid_range'
  /** Text that cannot be put in SQL: a NUL character or broken Unicode. */
  | 'invalid_text'
  /** A multi-select with nothing chosen. */
  | 'empty_selection'
  /** The SQL uses `{{name}}` but no parameter of that name is defined. */
  | 'undefined_parameter'
  /** A field that does not fit the type: `{{days}}` for a range, `{{n.start}}` for a number. */
  | 'wrong_field';

/** One problem with one parameter. */
export interface ParamError {
  kind: 'param_error';
  /** The parameter's name, as written in the SQL. */
  param: string;
  code: ParamErrorCode;
  /** A sentence for the user that names the parameter and says what to fix. */
  message: string;
}

/** Builds a {@link ParamError}. */
export function paramError(param: string, code: ParamErrorCode, message: string): ParamError {
  return { kind: 'param_error', param, code, message };
}

/** True for a {@link ParamError}, e.g. one that travelled through a generic error channel. */
export function isParamError(value: unknown): value is ParamError {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'param_error';
}
