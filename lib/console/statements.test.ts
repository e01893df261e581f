import { describe, expect, it } from 'vitest';
import { splitStatements, statementAt } from './statements';

describe('splitStatements', () => {
  it('splits on semicolons outside strings, identifiers and comments', () => {
    const sql = "SELECT ';' AS a; -- one; two\nSELECT \"x;y\" FROM t /* ; */;\n\n  SELECT 3";
    expect(splitStatements(sql).map((statement) => statement.text)).toEqual([
      "SELECT ';' AS a",
      '-- one; two\nSELECT "x;y" FROM t /* ; */',
      'SELECT 3',
    ]);
  });

  it('drops empty statements and comment-only tails', () => {
    expect(splitStatements(';;  SELECT 1;; -- done\n').map((statement) => statement.text)).toEqual(['SELECT 1']);
  });

  it('keeps offsets that point into the script', () => {
    const sql = 'SELECT 1;\nSELECT 2;';
    for (const statement of splitStatements(sql)) expect(sql.slice(statement.from, statement.to)).toBe(statement.text);
  });

  it("handles doubled quotes inside literals", () => {
    expect(splitStatements("SELECT 'it''s; fine'; SELECT 2").map((statement) => statement.text)).toEqual([
      "SELECT 'it''s; fine'",
      'SELECT 2',
    ]);
  });
});

describe('statementAt', () => {
  const sql = 'SELECT 1;\n\nSELECT 2\nFROM t;\n';
  it('finds the statement under the cursor', () => {
    expect(statementAt(sql, 3)?.text).toBe('SELECT 1');
    expect(statementAt(sql, sql.indexOf('FROM'))?.text).toBe('SELECT 2\nFROM t');
  });

  it('takes the statement before the cursor on a blank line', () => {
    expect(statementAt(sql, sql.length)?.text).toBe('SELECT 2\nFROM t');
    expect(statementAt('', 0)).toBeNull();
  });
});
