import { describe, expect, it } from 'vitest';
import { maskSqlLiterals } from './mask';

describe('maskSqlLiterals', () => {
  it('blanks strings, quoted identifiers and comments, keeping length and line breaks', () => {
    const sql = "SELECT 'a\nb', \"c\", E'\\'d', $$e$$, $t$f$t$ -- g\n/* h /* i */ j */ FROM k";
    const masked = maskSqlLiterals(sql);
    expect(masked).toHaveLength(sql.length);
    expect(masked.split('\n')).toHaveLength(sql.split('\n').length);
    expect(masked.replace(/\s+/g, ' ')).toBe('SELECT , , , , FROM k');
  });

  it('blanks a dollar-quoted string as one string, semicolons included', () => {
    expect(maskSqlLiterals('SELECT $$a;b$$;').trimEnd()).toBe('SELECT        ;');
  });

  it('blanks an unterminated string or comment to the end', () => {
    expect(maskSqlLiterals("SELECT 'open {{x}}").trimEnd()).toBe('SELECT');
    expect(maskSqlLiterals('SELECT /* open {{x}}').trimEnd()).toBe('SELECT');
  });
});
