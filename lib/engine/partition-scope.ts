/**
 * Which files a query can touch, from the constant filters on partition keys
 * in its SQL (`clusterid IN ('a','b')`, `startdate BETWEEN DATE 'x' AND DATE 'y'`,
 * `=`, `<`, `<=`, `>`, `>=`). Used to register fewer files with the engine for
 * SQL known to filter every table reference this way (library queries); DuckDB
 * still prunes the registered files itself.
 */
import type { CatalogFile, CatalogTable, PartitionKey } from '../catalog/types';
import { codeTokens, nameOf, stringValue, type Token } from '../sql/lexer';

/** A constraint on one key: allowed values, and/or a range (bounds inclusive unless marked). */
interface KeyConstraint {
  values?: Set<string>;
  min?: { value: string; inclusive: boolean };
  max?: { value: string; inclusive: boolean };
}

/** A constant: `'x'`, `DATE 'x'`, `TIMESTAMP 'x'` or an integer; its value and the tokens it takes. */
function literalAt(tokens: readonly Token[], at: number): { value: string; next: number } | undefined {
  let i = at;
  const token = tokens[i];
  if (token?.kind === 'word' && /^(?:date|timestamp)$/i.test(token.text)) i += 1;
  const value = tokens[i];
  if (value?.kind === 'string' && value.text.startsWith("'")) return { value: stringValue(value), next: i + 1 };
  if (i !== at) return undefined;
  const negative = value?.kind === 'operator' && value.text === '-';
  const number = tokens[negative ? i + 1 : i];
  if (number?.kind === 'number' && /^\d+$/.test(number.text)) return { value: `${negative ? '-' : ''}${number.text}`, next: negative ? i + 2 : i + 1 };
  return undefined;
}

/** The literals of `( 'a', 'b' )` at `at`; undefined unless every item is a constant. */
function literalListAt(tokens: readonly Token[], at: number): string[] | undefined {
  if (tokens[at]?.text !== '(') return undefined;
  const values: string[] = [];
  let i = at + 1;
  for (;;) {
    const literal = literalAt(tokens, i);
    if (!literal) return undefined;
    values.push(literal.value);
    const after = tokens[literal.next]?.text;
    if (after === ')') return values;
    if (after !== ',') return undefined;
    i = literal.next + 1;
  }
}

function isWord(token: Token | undefined, word: string): boolean {
  return token?.kind === 'word' && token.text.toLowerCase() === word;
}

function compare(a: string, b: string, type: PartitionKey['type']): number {
  if (type === 'BIGINT') return Number(a) - Number(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The constraints on `key` found in `sql` (joined with AND); undefined when there are none. */
export function keyConstraint(sql: string, key: PartitionKey): KeyConstraint | undefined {
  return constraintOf(codeTokens(sql), key);
}

function constraintOf(tokens: readonly Token[], key: PartitionKey): KeyConstraint | undefined {
  const name = key.name.toLowerCase();
  const constraint: KeyConstraint = {};
  let found = false;
  const tighten = (bound: 'min' | 'max', value: string, inclusive: boolean): void => {
    const current = constraint[bound];
    const order = compare(value, current?.value ?? value, key.type);
    if (!current || (bound === 'min' ? order > 0 : order < 0)) constraint[bound] = { value, inclusive };
    found = true;
  };
  const allow = (values: readonly string[]): void => {
    const next = new Set(values);
    constraint.values = constraint.values ? new Set([...constraint.values].filter((value) => next.has(value))) : next;
    found = true;
  };
  for (const [index, token] of tokens.entries()) {
    // The key as a column, `key` or `t.key`, quoted or not.
    if (nameOf(token) !== name) continue;
    const next = tokens[index + 1];
    if (isWord(next, 'in')) {
      const values = literalListAt(tokens, index + 2);
      if (values) allow(values);
    } else if (isWord(next, 'between')) {
      const low = literalAt(tokens, index + 2);
      const high = low && isWord(tokens[low.next], 'and') ? literalAt(tokens, low.next + 1) : undefined;
      if (low && high) {
        tighten('min', low.value, true);
        tighten('max', high.value, true);
      }
    } else if (next?.kind === 'operator' && /^(?:>=|<=|<>|!=|=|>|<)$/.test(next.text)) {
      const literal = literalAt(tokens, index + 2);
      if (!literal) continue;
      if (next.text === '=') allow([literal.value]);
      else if (next.text === '>=' || next.text === '>') tighten('min', literal.value, next.text === '>=');
      else if (next.text === '<=' || next.text === '<') tighten('max', literal.value, next.text === '<=');
    }
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
  return filesInScopeOf(codeTokens(sql), table);
}

/** {@link filesInScope} over a statement's code tokens (`codeTokens`). */
export function filesInScopeOf(tokens: readonly Token[], table: CatalogTable): CatalogFile[] {
  const constraints = table.partitionKeys.flatMap((key) => {
    const constraint = constraintOf(tokens, key);
    return constraint ? [{ key, constraint }] : [];
  });
  if (constraints.length === 0) return table.files;
  return table.files.filter((file) => constraints.every(({ key, constraint }) => satisfies(file.partition[key.name], constraint, key.type)));
}
