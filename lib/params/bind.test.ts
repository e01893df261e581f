import { describe, expect, it } from 'vitest';
import { bindParameters, describeParamErrors, type BindResult } from './bind';
import { definitionsFor } from './definitions';
import { isParamError, type ParamError } from './errors';
import type { ParamDefinition, ParamValues } from './types';

function bind(sql: string, defs: ParamDefinition[], values: ParamValues): BindResult {
  return bindParameters(sql, defs, values);
}

function sqlOf(result: BindResult): string {
  if (!result.ok) throw new Error(describeParamErrors(result.errors));
  return result.sql;
}

function errorsOf(result: BindResult): ParamError[] {
  if (result.ok) throw new Error(`expected errors, got SQL: ${result.sql}`);
  return result.errors;
}

const text: ParamDefinition = { name: 't', type: 'text' };
const num: ParamDefinition = { name: 'n', type: 'number' };
const date: ParamDefinition = { name: 'd', type: 'date' };
const days: ParamDefinition = { name: 'days', type: 'date_range' };
const one: ParamDefinition = { name: 's', type: 'select', options: ['a', 'b'] };
const many: ParamDefinition = { name: 'clusters', type: 'multi_select', label: 'Clusters' };

describe('bindParameters: text', () => {
  it('makes the injection string data: quotes are doubled inside one literal', () => {
    expect(sqlOf(bind('SELECT * FROM t WHERE label = {{t}}', [text], { t: "x' OR 1=1 --" }))).toBe("SELECT * FROM t WHERE label = 'x'' OR 1=1 --'");
  });

  it('keeps Unicode, backslashes and newlines as they are', () => {
    expect(sqlOf(bind('SELECT {{t}}', [text], { t: 'Zoë 😀 日本 \\n\nnext' }))).toBe("SELECT 'Zoë 😀 日本 \\n\nnext'");
  });

  it('allows empty text', () => {
    expect(sqlOf(bind('SELECT {{t}}', [text], { t: '' }))).toBe("SELECT ''");
  });

  it('rejects NUL characters and broken Unicode', () => {
    expect(errorsOf(bind('SELECT {{t}}', [text], { t: 'a\u0000b' }))[0]).toMatchObject({ param: 't', code: 'invalid_text' });
    expect(errorsOf(bind('SELECT {{t}}', [text], { t: 'a\uD800b' }))[0]).toMatchObject({ param: 't', code: 'invalid_text' });
  });

  it('separates a literal from a word before it, so E{{t}} cannot become an escape string', () => {
    expect(sqlOf(bind('SELECT E{{t}}', [text], { t: "\\' OR 1=1 --" }))).toBe("SELECT E '\\'' OR 1=1 --'");
    expect(sqlOf(bind('SELECT x{{n}}y', [num], { n: 1 }))).toBe('SELECT x 1 y');
  });
});

describe('bindParameters: number', () => {
  it('accepts finite numbers, bigints and numeric strings', () => {
    expect(sqlOf(bind('LIMIT {{n}}', [num], { n: 50 }))).toBe('LIMIT 50');
    expect(sqlOf(bind('x > {{n}}', [num], { n: ' 0.05 ' }))).toBe('x > 0.05');
    expect(sqlOf(bind('x = {{n}}', [num], { n: 9007199254740993n }))).toBe('x = 9007199254740993');
    expect(sqlOf(bind('x = {{n}}', [num], { n: '9007199254740993' }))).toBe('x = 9007199254740993');
    expect(sqlOf(bind('x = {{n}}', [num], { n: '+1.5e3' }))).toBe('x = 1.5e3');
  });

  it('parenthesises negatives so x-{{n}} never becomes a comment', () => {
    expect(sqlOf(bind('SELECT 5-{{n}}', [num], { n: -1 }))).toBe('SELECT 5-(-1)');
    expect(sqlOf(bind('SELECT 5-{{n}}', [num], { n: '-1' }))).toBe('SELECT 5-(-1)');
  });

  it('rejects NaN, Infinity and anything that is not only a number', () => {
    for (const n of [Number.NaN, Number.POSITIVE_INFINITY, 'Infinity', 'NaN', '1; DROP TABLE t', '0x10', '1 2', '1e', '--1', '1e999']) {
      const [error] = errorsOf(bind('LIMIT {{n}}', [num], { n }));
      expect(error).toMatchObject({ param: 'n', code: 'invalid_number' });
      expect(error?.message).toContain('{{n}}');
    }
  });

  it('reports a wrong type', () => {
    expect(errorsOf(bind('LIMIT {{n}}', [num], { n: [1] }))[0]).toMatchObject({ code: 'wrong_type', message: '{{n}}: expected a number but got a list.' });
    expect(errorsOf(bind('LIMIT {{n}}', [num], { n: true }))[0]).toMatchObject({ code: 'wrong_type' });
  });
});

describe('bindParameters: dates', () => {
  it('renders a typed DATE literal', () => {
    expect(sqlOf(bind('WHERE startdate = {{d}}', [date], { d: '2026-11-01' }))).toBe("WHERE startdate = DATE '2026-11-01'");
  });

  it('rejects impossible and malformed dates', () => {
    for (const d of ['2026-02-30', '2026-11-1', "2026-11-01' OR 1=1 --", 'yesterday']) {
      expect(errorsOf(bind('{{d}}', [date], { d }))[0]).toMatchObject({ param: 'd', code: 'invalid_date' });
    }
    expect(errorsOf(bind('{{d}}', [date], { d: 20261101 }))[0]).toMatchObject({ code: 'wrong_type' });
  });

  it('binds a date range through .start and .end', () => {
    const sql = 'startdate BETWEEN {{days.start}} AND {{days.end}}';
    expect(sqlOf(bind(sql, [days], { days: { start: '2026-10-30', end: '2026-11-01' } }))).toBe("startdate BETWEEN DATE '2026-10-30' AND DATE '2026-11-01'");
  });

  it('rejects a reversed range, a bad end and the wrong shape', () => {
    const sql = '{{days.start}} {{days.end}}';
    expect(errorsOf(bind(sql, [days], { days: { start: '2026-11-02', end: '2026-11-01' } }))[0]).toMatchObject({ code: 'invalid_range' });
    expect(errorsOf(bind(sql, [days], { days: { start: '2026-11-01', end: '2026-11-31' } }))[0]).toMatchObject({ code: 'invalid_date' });
    expect(errorsOf(bind(sql, [days], { days: { start: '2026-11-01' } }))[0]).toMatchObject({ code: 'missing' });
    expect(errorsOf(bind(sql, [days], { days: '2026-11-01' }))[0]).toMatchObject({ code: 'wrong_type' });
  });

  it('asks for .start/.end when a range is used bare, and refuses fields on other types', () => {
    const range = { start: '2026-11-01', end: '2026-11-01' };
    expect(errorsOf(bind('x BETWEEN {{days}}', [days], { days: range }))[0]).toMatchObject({ code: 'wrong_field' });
    expect(errorsOf(bind('{{d.start}}', [date], { d: '2026-11-01' }))[0]).toMatchObject({ code: 'wrong_field' });
    expect(errorsOf(bind('{{days.middle}}', [days], { days: range }))[0]).toMatchObject({ code: 'wrong_field' });
  });
});

describe('bindParameters: selects', () => {
  it('binds a single select as a literal', () => {
    expect(sqlOf(bind('x = {{s}}', [one], { s: 'b' }))).toBe("x = 'b'");
    expect(errorsOf(bind('x = {{s}}', [one], { s: '' }))[0]).toMatchObject({ code: 'missing' });
  });

  it('binds a multi-select as an IN list, quoting every item and dropping repeats', () => {
    expect(sqlOf(bind('clusterid IN {{clusters}}', [many], { clusters: ['a', "b' OR 'x'='x", 'a'] }))).toBe("clusterid IN ('a', 'b'' OR ''x''=''x')");
  });

  it('rejects an empty selection with a clear message', () => {
    const [error] = errorsOf(bind('clusterid IN {{clusters}}', [many], { clusters: [] }));
    expect(error).toMatchObject({ param: 'clusters', code: 'empty_selection' });
    expect(error?.message).toBe('"Clusters" ({{clusters}}): choose at least one value.');
  });

  it('rejects non-lists and non-text items', () => {
    expect(errorsOf(bind('{{clusters}}', [many], { clusters: 'a' }))[0]).toMatchObject({ code: 'wrong_type' });
    expect(errorsOf(bind('{{clusters}}', [many], { clusters: ['a', 1] }))[0]).toMatchObject({ code: 'wrong_type' });
    expect(errorsOf(bind('{{clusters}}', [many], { clusters: ['a\u0000'] }))[0]).toMatchObject({ code: 'invalid_text' });
  });
});

describe('bindParameters: missing values and definitions', () => {
  it('uses the default when no value is given, but not when the value was cleared', () => {
    const withDefault: ParamDefinition = { ...num, default: 10 };
    expect(sqlOf(bind('LIMIT {{n}}', [withDefault], {}))).toBe('LIMIT 10');
    expect(errorsOf(bind('LIMIT {{n}}', [withDefault], { n: null }))[0]).toMatchObject({ code: 'missing' });
  });

  it('reports every wrong parameter once, in order, and returns no SQL', () => {
    const result = bind('{{t}} {{n}} {{n}} {{nope}} {{d}}', [text, num, date], { d: '2026-11-01' });
    expect(result.ok).toBe(false);
    expect('sql' in result).toBe(false);
    const errors = errorsOf(result);
    expect(errors.map((e) => [e.param, e.code])).toEqual([
      ['t', 'missing'],
      ['n', 'missing'],
      ['nope', 'undefined_parameter'],
    ]);
    expect(errors.every(isParamError)).toBe(true);
    expect(describeParamErrors(errors)).toContain('{{nope}} is used in the SQL but is not a defined parameter');
  });

  it('leaves placeholders in strings and comments untouched', () => {
    expect(sqlOf(bind("SELECT '{{t}}', {{t}} -- {{t}}", [text], { t: 'v' }))).toBe("SELECT '{{t}}', 'v' -- {{t}}");
  });

  it('does not read inherited properties as values', () => {
    expect(errorsOf(bind('{{constructor}}', [{ name: 'constructor', type: 'text' }], {}))[0]).toMatchObject({ code: 'missing' });
  });
});

describe('definitionsFor', () => {
  it('keeps existing definitions, adds new ones by use and drops unused ones', () => {
    const defs = definitionsFor('{{clusters}} {{days.start}} {{days.end}} {{label}}', [many, num]);
    expect(defs).toEqual([many, { name: 'days', type: 'date_range' }, { name: 'label', type: 'text' }]);
  });
});
