/**
 * Which files a query can touch, from the constant filters on partition keys
 * in its SQL (`clusterid IN ('a','b')`, `startdate BETWEEN DATE 'x' AND DATE 'y'`,
 * `=`, `<`, `<=`, `>`, `>=`). Used to register fewer files with the engine for
 * SQL known to filter every table reference this way (library queries); DuckDB
 * still prunes the registered files itself.
 */
import type { CatalogFile, CatalogTable, PartitionKey } from '../catalog/types';

/** A constraint on one key: allowed values, and/or a range (bounds inclusive unless marked). */
interface KeyConstraint {
  values?: Set<string>;
  min?: { value: string; inclusive: boolean };
  max?: { value: string; inclusive: boolean };
}

const LITERAL = String.raw`(?:DATE\s+|TIMESTAMP\s+)?'((?:[^']|'')*)'|(-?\d+)`;

/** Blanks out comments, keeping string literals (their values are what we read). */
function withoutComments(sql: string): string {
  return sql.replace(/--[^\n]*|\/\*[\s\S]*?\*\/|'(?:[^']|'')*'/g, (match) => (match.startsWith("'") ? match : ' '));
}

/** Same length as `text`, with every literal's content blanked, so patterns only match outside literals. */
function masked(text: string): string {
  return text.replace(/'(?:[^']|'')*'/g, (literal) => `'${'_'.repeat(literal.length - 2)}'`);
}

/** Matches `pattern` where it occurs outside literals, but returns the groups read from the real text. */
function* matchesOutsideLiterals(text: string, pattern: RegExp): Generator<RegExpExecArray> {
  const mask = masked(text);
  for (const found of mask.matchAll(pattern)) {
    const start = found.index ?? 0;
    const again = new RegExp(pattern.source, pattern.flags.replace('g', '')).exec(text.slice(start, start + found[0].length));
    if (again) yield again;
  }
}

function literalValue(match: RegExpExecArray, at: number): string {
  return match[at] !== undefined ? match[at].replaceAll("''", "'") : (match[at + 1] ?? '');
}

function compare(a: string, b: string, type: PartitionKey['type']): number {
  if (type === 'BIGINT') return Number(a) - Number(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The constraints on `key` found in `sql` (joined with AND); undefined when there are none. */
export function keyConstraint(sql: string, key: PartitionKey): KeyConstraint | undefined {
  const text = withoutComments(sql);
  const column = String.raw`(?:\b\w+\.)?"?${escapeRegex(key.name)}"?`;
  const constraint: KeyConstraint = {};
  let found = false;
  const tighten = (bound: 'min' | 'max', value: string, inclusive: boolean): void => {
    const current = constraint[bound];
    const order = compare(value, current?.value ?? value, key.type);
    if (!current || (bound === 'min' ? order > 0 : order < 0)) constraint[bound] = { value, inclusive };
    found = true;
  };
  for (const match of matchesOutsideLiterals(text, new RegExp(String.raw`${column}\s+IN\s*\(([^()]*)\)`, 'gi'))) {
    const items = [...(match[1] ?? '').matchAll(new RegExp(LITERAL, 'gi'))].map((item) => literalValue(item, 1));
    if (items.length === 0) continue;
    const next = new Set(items);
    constraint.values = constraint.values ? new Set([...constraint.values].filter((value) => next.has(value))) : next;
    found = true;
  }
  for (const match of matchesOutsideLiterals(text, new RegExp(String.raw`${column}\s+BETWEEN\s+(?:${LITERAL})\s+AND\s+(?:${LITERAL})`, 'gi'))) {
    const [low, high] = [literalValue(match, 1), literalValue(match, 3)];
    tighten('min', low, true);
    tighten('max', high, true);
  }
  for (const match of matchesOutsideLiterals(text, new RegExp(String.raw`${column}\s*(>=|<=|<>|!=|=|>|<)\s*(?:${LITERAL})`, 'gi'))) {
    const value = literalValue(match, 2);
    const operator = match[1];
    if (operator === '=') {
      constraint.values = constraint.values ? new Set([...constraint.values].filter((item) => item === value)) : new Set([value]);
      found = true;
    } else if (operator === '>=' || operator === '>') tighten('min', value, operator === '>=');
    else if (operator === '<=' || operator === '<') tighten('max', value, operator === '<=');
  }
  return found ? constraint : undefined;
}

function satisfies(value: string | undefined, constraint: KeyConstraint, type: PartitionKey['type']): boolean {
  if (value === undefined) return true;
  if (constraint.values && !constraint.values.has(value)) return false;
  if (constraint.min) {
    const order = compare(value, constraint.min.value, type);
    if (order < 0 || (order === 0 && !constraint.min.inclusive)) return false;
  }
  if (constraint.max) {
    const order = compare(value, constraint.max.value, type);
    if (order > 0 || (order === 0 && !constraint.max.inclusive)) return false;
  }
  return true;
}

/**
 * The table's files that the constant filters on its partition keys in `sql`
 * let through (every file when there are none). Only valid for SQL whose every
 * reference to the table carries those filters, ANDed at the top of its WHERE,
 * as the library's `scope()` guarantees; see `LazyViews.prepare`.
 */
export function filesInScope(sql: string, table: CatalogTable): CatalogFile[] {
  const constraints = table.partitionKeys.flatMap((key) => {
    const constraint = keyConstraint(sql, key);
    return constraint ? [{ key, constraint }] : [];
  });
  if (constraints.length === 0) return table.files;
  return table.files.filter((file) => constraints.every(({ key, constraint }) => satisfies(file.partition[key.name], constraint, key.type)));
}
