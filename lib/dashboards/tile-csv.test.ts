import { describe, expect, it } from 'vitest';
import { resultCsv } from './tile-csv';
import type { ResultSet } from '../engine/result-set';

describe('resultCsv', () => {
  it('writes a header and quotes fields that need it', () => {
    const data = [
      ['a,b', 1],
      ['x"y', null],
    ];
    const rows: ResultSet = {
      columns: [
        { name: 'name', type: 'VARCHAR', kind: 'text' },
        { name: 'n', type: 'INTEGER', kind: 'integer' },
      ],
      rowCount: 2,
      cell: (row, column) => data[row]?.[column] ?? null,
    };
    expect(resultCsv(rows)).toBe('name,n\r\n"a,b",1\r\n"x""y",\r\n');
  });

  it('defuses formula cells of text columns and keeps negative numbers', () => {
    const data = [
      ['=cmd|calc', -5],
      ['-5+cmd', -7],
    ];
    const rows: ResultSet = {
      columns: [
        { name: '@name', type: 'VARCHAR', kind: 'text' },
        { name: 'n', type: 'INTEGER', kind: 'integer' },
      ],
      rowCount: 2,
      cell: (row, column) => data[row]?.[column] ?? null,
    };
    expect(resultCsv(rows)).toBe("'@name,n\r\n'=cmd|calc,-5\r\n'-5+cmd,-7\r\n");
  });
});
