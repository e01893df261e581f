/**
 * The Redshift statements the Advisor proposes, built from names found in the
 * logs (hostile text as far as SQL goes: a table can be called anything), and
 * a checker for the fixed grammar of those forms, so every proposed statement
 * is known to parse.
 */

const PLAIN_IDENTIFIER = /^[a-z_][a-z0-9_$]*$/;
const RESERVED = new Set([
  'all',
  'and',
  'as',
  'by',
  'column',
  'delete',
  'distkey',
  'from',
  'group',
  'key',
  'only',
  'order',
  'select',
  'sortkey',
  'table',
  'to',
  'user',
  'where',
]);

/** A Redshift identifier: bare when it is plain lower case, double-quoted otherwise. */
export function quoteIdentifier(name: string): string {
  if (PLAIN_IDENTIFIER.test(name) && !RESERVED.has(name)) return name;
  return `"${name.replaceAll('"', '""')}"`;
}

/** `schema.table` or `table`, each part quoted as needed. */
export function quoteTableName(name: string): string {
  const parts = name.split('.');
  // A dot inside a name that is not schema-qualifying (more than two parts) is kept as one quoted name.
  if (parts.length === 2 && parts.every((part) => part.length > 0)) return parts.map(quoteIdentifier).join('.');
  return quoteIdentifier(name);
}

export function analyzeStatement(table: string): string {
  return `ANALYZE ${quoteTableName(table)};`;
}

export function vacuumDeleteOnlyStatement(table: string): string {
  return `VACUUM DELETE ONLY ${quoteTableName(table)};`;
}

export function alterSortKeyStatement(table: string, columns: readonly string[]): string {
  return `ALTER TABLE ${quoteTableName(table)} ALTER SORTKEY (${columns.map(quoteIdentifier).join(', ')});`;
}

export function alterDistKeyStatement(table: string, column: string): string {
  return `ALTER TABLE ${quoteTableName(table)} ALTER DISTKEY ${quoteIdentifier(column)};`;
}

export function alterDistStyleAllStatement(table: string): string {
  return `ALTER TABLE ${quoteTableName(table)} ALTER DISTSTYLE ALL;`;
}

// The grammar of the forms above, as Redshift's documentation gives them.
const IDENT = String.raw`(?:[a-z_][a-z0-9_$]*|"(?:[^"]|"")+")`;
const TABLE = String.raw`${IDENT}(?:\.${IDENT})?`;
const FORMS = [
  new RegExp(String.raw`^ANALYZE ${TABLE};$`),
  new RegExp(String.raw`^VACUUM DELETE ONLY ${TABLE};$`),
  new RegExp(String.raw`^ALTER TABLE ${TABLE} ALTER SORTKEY \(${IDENT}(?:, ${IDENT})*\);$`),
  new RegExp(String.raw`^ALTER TABLE ${TABLE} ALTER DISTKEY ${IDENT};$`),
  new RegExp(String.raw`^ALTER TABLE ${TABLE} ALTER DISTSTYLE ALL;$`),
];

/** True when `statement` is one of the proposed forms, with valid identifiers. */
export function isProposedStatement(statement: string): boolean {
  return FORMS.some((form) => form.test(statement));
}
