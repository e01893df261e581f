/**
 * SQL literals for checked values. Each returns one self-contained token
 * group, so a value can only ever be data: text is quoted with its quotes
 * doubled, numbers are digits only, dates are typed DATE literals.
 */

/** A DuckDB string literal: `x' OR 1=1 --` becomes `'x'' OR 1=1 --'`. Backslashes are plain characters in DuckDB strings. */
export function textLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/**
 * A numeric literal from a checked numeric string. Negative numbers are
 * parenthesised: `x-{{n}}` with n = -1 must not become the comment `x--1`.
 */
export function numberLiteral(canonical: string): string {
  return canonical.startsWith('-') ? `(${canonical})` : canonical;
}

/**
 * A typed date literal. DuckDB 0.9 prunes Hive partitions only on constant
 * filters, so the date is a literal rather than a cast or an expression.
 */
export function dateLiteral(date: string): string {
  return `DATE ${textLiteral(date)}`;
}

/** A parenthesised list of string literals, for `IN {{name}}`. */
export function listLiteral(values: readonly string[]): string {
  return `(${values.map(textLiteral).join(', ')})`;
}
