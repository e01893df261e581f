import { describe, expect, it } from 'vitest';
import { statementAt } from './statements';

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
