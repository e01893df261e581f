/**
 * Property: every reader of SQL text agrees on where code ends and data
 * begins, because they all go through the one lexer. Scripts are generated
 * from code fragments and from data fragments (strings of every kind, quoted
 * identifiers, comments) that hold semicolons, a table name, a placeholder,
 * a partition filter and Athena calls; none of those may leak out of the data.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keyConstraint } from '../engine/partition-scope';
import { referencedTables } from '../engine/referenced-tables';
import { exportableSql } from '../engine/export';
import { findPlaceholders } from '../params/placeholders';
import { rewriteAthenaSql } from './athena';
import { maskSqlLiterals } from './mask';
import { splitStatements } from './statements';

const TABLES = ['stl_query', 'stl_scan', 'stl_hidden'];

/** Code: each either names a visible table, uses the `{{p}}` parameter, or neither. */
const CODE = [
  { text: 'FROM stl_query', table: 'stl_query', params: 0 },
  { text: 'JOIN "stl_scan" s', table: 'stl_scan', params: 0 },
  { text: 'x = {{p}}', params: 1 },
  { text: '{{ p }} + 1', params: 1 },
  { text: 'a$b', params: 0 },
  { text: '1.5e3', params: 0 },
  { text: '(', params: 0 },
  { text: ')', params: 0 },
  { text: ',', params: 0 },
  { text: 'c >= -1', params: 0 },
].map((fragment) => ({ table: undefined, ...fragment }));

/** Data: what is inside must never count as code. */
const DATA = [
  "'a; stl_hidden {{q}} -- /* clusterid = ''zz'''",
  String.raw`E'it\'s; stl_hidden {{q}} $$'`,
  String.raw`e'\\'`,
  '$$; stl_hidden {{q}} \' " -- md5(to_utf8(x))$$',
  "$tag$ $$ ; stl_hidden {{q}} clusterid = 'zz' $tag$",
  '"a;{{q}} -- ""b"""',
  "-- ; stl_hidden {{q}} clusterid = 'zz' approx_percentile(x, 0.5)\n",
  "/* ; stl_hidden {{q}} /* nested ; */ clusterid = 'zz' ; date_add('day', 1, t) */",
];

interface Fragment {
  text: string;
  table: string | undefined;
  params: number;
}

const fragment: fc.Arbitrary<Fragment> = fc.oneof(
  fc.constantFrom(...CODE),
  fc.constantFrom(...DATA).map((text) => ({ text, table: undefined, params: 0 })),
);

const statement = fc.tuple(fc.array(fragment, { maxLength: 8 }), fc.constantFrom(' ', '\n', '\t ')).map(([parts, gap]) => ({
  text: ['SELECT', ...parts.map((part) => part.text)].join(gap),
  // What export keeps: the statement without the comments that end it.
  exported: ['SELECT', ...parts.slice(0, parts.findLastIndex((part) => !/^(?:--|\/\*)/.test(part.text)) + 1).map((part) => part.text)].join(gap),
  tables: parts.flatMap((part) => (part.table ? [part.table] : [])),
  params: parts.reduce((sum, part) => sum + part.params, 0),
}));

const script = fc
  .tuple(fc.array(statement, { minLength: 1, maxLength: 5 }), fc.constantFrom(';', ';\n', ' ; ', ';;'), fc.boolean())
  .map(([statements, separator, trailing]) => ({ statements, text: statements.map((one) => one.text).join(separator) + (trailing ? separator : '') }));

describe('the SQL readers agree on generated scripts', () => {
  it('split, mask, placeholders, table references, partition filters, export and the Athena rewrite', () => {
    fc.assert(
      fc.property(script, ({ statements, text }) => {
        const split = splitStatements(text);
        expect(split.map((one) => one.text)).toEqual(statements.map((one) => one.text.trim()));
        for (const one of split) expect(text.slice(one.from, one.to)).toBe(one.text);

        const masked = maskSqlLiterals(text);
        expect(masked).toHaveLength(text.length);
        expect(masked.split('\n')).toHaveLength(text.split('\n').length);
        expect(masked).not.toMatch(/stl_hidden|\{\{q\}\}|clusterid|md5/);

        const placeholders = findPlaceholders(text);
        expect(placeholders.map((one) => one.name)).toEqual(Array.from({ length: statements.reduce((sum, one) => sum + one.params, 0) }, () => 'p'));
        for (const one of placeholders) expect(text.slice(one.start, one.end)).toMatch(/^\{\{ ?p ?\}\}$/);

        const tables = new Set(statements.flatMap((one) => one.tables));
        expect(referencedTables(text, TABLES)).toEqual(TABLES.filter((table) => tables.has(table)));
        expect(keyConstraint(text, { name: 'clusterid', type: 'VARCHAR' })).toBeUndefined();
        expect(rewriteAthenaSql(text)).toBe(text);

        for (const one of statements) expect(exportableSql(`${one.text};`)).toBe(one.exported);
      }),
      { numRuns: 300 },
    );
  });
});
