import { describe, expect, it } from 'vitest';
import { singleStatement, splitStatements, subqueryBody } from './statements';

describe('splitStatements', () => {
  it('splits on semicolons outside strings, identifiers and comments', () => {
    const sql = 'SELECT \';\' AS a; -- one; two\nSELECT "x;y" FROM t /* ; */;\n\n  SELECT 3';
    expect(splitStatements(sql).map((statement) => statement.text)).toEqual(["SELECT ';' AS a", '-- one; two\nSELECT "x;y" FROM t /* ; */', 'SELECT 3']);
  });

  it('drops empty statements and comment-only tails', () => {
    expect(splitStatements(';;  SELECT 1;; -- done\n').map((statement) => statement.text)).toEqual(['SELECT 1']);
  });

  it('keeps offsets that point into the script', () => {
    const sql = 'SELECT 1;\nSELECT 2;';
    for (const statement of splitStatements(sql)) expect(sql.slice(statement.from, statement.to)).toBe(statement.text);
  });

  it('handles doubled quotes inside literals', () => {
    expect(splitStatements("SELECT 'it''s; fine'; SELECT 2").map((statement) => statement.text)).toEqual(["SELECT 'it''s; fine'", 'SELECT 2']);
  });
});

describe('splitStatements with the lexer', () => {
  function texts(sql: string): string[] {
    return splitStatements(sql).map((statement) => statement.text);
  }

  it('does not split inside dollar-quoted or E strings', () => {
    expect(texts('SELECT $$a;b$$; SELECT $t$c;d$t$')).toEqual(['SELECT $$a;b$$', 'SELECT $t$c;d$t$']);
    expect(texts("SELECT E'\\';x'; SELECT 2")).toEqual(["SELECT E'\\';x'", 'SELECT 2']);
    expect(texts("SELECT E'it\\'s;'; SELECT 2")).toEqual(["SELECT E'it\\'s;'", 'SELECT 2']);
  });

  it('does not split inside a nested block comment', () => {
    expect(texts('SELECT 1 /* a /* b */ ; */; SELECT 2')).toEqual(['SELECT 1 /* a /* b */ ; */', 'SELECT 2']);
  });

  it('keeps an unterminated string to the end as part of its statement', () => {
    expect(texts("SELECT 1; SELECT 'open; SELECT 3")).toEqual(['SELECT 1', "SELECT 'open; SELECT 3"]);
  });
});

describe('singleStatement', () => {
  it('drops the semicolons and comments that end the statement', () => {
    expect(singleStatement('SELECT 1 ;; -- done\n')).toBe('SELECT 1');
    expect(singleStatement('SELECT $$a;b$$;')).toBe('SELECT $$a;b$$');
  });

  it('tells several statements and none apart', () => {
    expect(singleStatement('SELECT 1; SELECT 2')).toBe('several');
    expect(singleStatement(' ; -- nothing')).toBe('empty');
  });
});

describe('subqueryBody', () => {
  it('strips the semicolons and comments that end the statement', () => {
    expect(subqueryBody('select 1 ;; \n')).toBe('select 1');
    expect(subqueryBody('select $$;$$; -- done\n')).toBe('select $$;$$');
    expect(subqueryBody(' select 1; select 2 ')).toBe('select 1; select 2');
  });
});
