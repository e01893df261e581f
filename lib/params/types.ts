/**
 * Query parameters: the `{{name}}` placeholders a SQL text uses and the
 * definitions that say what kind of value each one takes.
 */

/** The kinds of value a parameter takes. */
export type ParamType = 'text' | 'number' | 'date' | 'date_range' | 'select' | 'multi_select';

/** Every parameter type, in the order a form offers them. */
export const PARAM_TYPES: readonly ParamType[] = ['text', 'number', 'date', 'date_range', 'select', 'multi_select'];

/** A date range's value; both ends are `YYYY-MM-DD` and inclusive. */
export interface DateRange {
  start: string;
  end: string;
}

/** The fields a date range exposes in SQL, as `{{name.start}}` and `{{name.end}}`. */
export type DateRangeField = 'start' | 'end';

/** A value a parameter may hold once it is valid. */
export type ParamValue = string | number | bigint | DateRange | readonly string[];

/**
 * What a parameter is. `options` lists the choices of a select or multi-select
 * (the UI offers them; binding does not insist on them, see `bindParameters`).
 * `default` is used when no value is given.
 */
export interface ParamDefinition {
  name: string;
  type: ParamType;
  /** Label for the form; the name when absent. */
  label?: string;
  options?: readonly string[];
  default?: ParamValue;
}

/**
 * Values by parameter name, as they come from a form, a URL or storage: they
 * are checked against the definitions when bound, so they are `unknown` here.
 */
export type ParamValues = Readonly<Record<string, unknown>>;
