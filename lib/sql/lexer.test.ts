import { describe, expect, it } from 'vitest';
import { codeTokens, identifierValue, stringValue, tokenize, type Token } from './lexer';

function kinds(sql: string): [string, string][] {
  return tokenize(sql).map((token) => [token.kind, token.text]);
}

function only(sql: string): Token {
  const [token, ...rest] = tokenize(sql);
  expect(rest).toEqual([]);
  if (!token) throw new Error(`no token in ${sql}`);
  return token;
}

describe('tokenize', () => {
  it('covers the text exactly, token after token', () => {
    const sql = 'SELECT a$b, "x""y" AS q, E\'it\\\'s\', $t$a$$b$t$ -- c\n/* d /* e */ f */ FROM t WHERE n >= -1.5e3;';
    const tokens = tokenize(sql);
    expect(tokens.map((token) => token.text).join('')).toBe(sql);
    for (const [index, token] of tokens.entries()) expect(token.start).toBe(index === 0 ? 0 : tokens[index - 1]?.end);
  });

  it('reads words, numbers, operators and punctuation', () => {
    expect(kinds('x>=-1.5e3,t.*')).toEqual([
      ['word', 'x'],
      ['operator', '>='],
      ['operator', '-'],
      ['number', '1.5e3'],
      ['punctuation', ','],
      ['word', 't'],
      ['punctuation', '.'],
      ['operator', '*'],
    ]);
    expect(kinds('a::INT||b')).toEqual([
      ['word', 'a'],
      ['operator', '::'],
      ['word', 'INT'],
      ['operator', '||'],
      ['word', 'b'],
    ]);
  });

  it('reads strings of every kind, with their values', () => {
    expect(stringValue(only("'it''s; --'"))).toBe("it's; --");
    expect(stringValue(only("E'it\\'s\\n'"))).toBe("it's\n");
    expect(stringValue(only("e'\\\\'"))).toBe('\\');
    expect(stringValue(only('$$a;b$$'))).toBe('a;b');
    expect(stringValue(only("$tag$a $$ 'b'$tag$"))).toBe("a $$ 'b'");
  });

  it('does not take E at the end of a word, or $ inside a word, for a string start', () => {
    expect(kinds("nameE'x'")).toEqual([
      ['word', 'nameE'],
      ['string', "'x'"],
    ]);
    expect(kinds('a$b$ $')).toEqual([
      ['word', 'a$b$'],
      ['space', ' '],
      ['punctuation', '$'],
    ]);
  });

  it('reads quoted identifiers with doubled quotes', () => {
    const token = only('"a""b;c"');
    expect(token.kind).toBe('quoted-identifier');
    expect(identifierValue(token)).toBe('a"b;c');
  });

  it('nests block comments as DuckDB does, and ends line comments before the newline', () => {
    expect(kinds('/* a /* b */ c */x')).toEqual([
      ['block-comment', '/* a /* b */ c */'],
      ['word', 'x'],
    ]);
    expect(kinds("-- it's\nx")).toEqual([
      ['line-comment', "-- it's"],
      ['space', '\n'],
      ['word', 'x'],
    ]);
    expect(kinds('a>=--c')).toEqual([
      ['word', 'a'],
      ['operator', '>='],
      ['line-comment', '--c'],
    ]);
  });

  it('runs an unterminated string, identifier or comment to the end and flags it', () => {
    for (const tail of ["'open ; x", "E'open\\'", '$$open', '$q$open $$', '"open', '/* a /* b */ open']) {
      const token = tokenize(`SELECT ${tail}`).at(-1);
      expect(token?.text, tail).toBe(tail);
      expect(token?.unterminated, tail).toBe(true);
    }
    expect(stringValue(only("'open"))).toBe('open');
    expect(tokenize("'closed'")[0]?.unterminated).toBeUndefined();
  });

  it('drops whitespace and comments from the code tokens', () => {
    expect(codeTokens('SELECT /* x */ 1 -- y\n;').map((token) => token.text)).toEqual(['SELECT', '1', ';']);
  });
});
