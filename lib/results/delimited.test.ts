import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNodeEngine, type NodeEngine } from '../engine/testing/node-engine';
import { cellText, csvField, headerLine, rowLine, tsvField } from './delimited';
import { resultOf } from './testing';

let engine: NodeEngine;
beforeAll(async () => {
  engine = await startNodeEngine();
}, 60_000);
afterAll(() => engine?.close());

describe('fields', () => {
  it('quotes only when needed, doubling quotes', () => {
    expect(tsvField('plain, with comma')).toBe('plain, with comma');
    expect(tsvField('tab\there')).toBe('"tab\there"');
    expect(tsvField('say "hi"')).toBe('"say ""hi"""');
    expect(tsvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('tab\there')).toBe('tab\there');
    expect(csvField('')).toBe('');
  });

  it('copies NULL as empty text and everything else as shown', () => {
    expect(cellText(null, 'text')).toBe('');
    expect(cellText(1_795_823_999_123_456n, 'timestamp')).toBe('2026-11-27 23:59:59.123456');
    expect(cellText(9007199254740993n, 'bigint')).toBe('9007199254740993');
  });
});

describe('rows', () => {
  it('renders a row as TSV and CSV the way DuckDB writes CSV', () => {
    const sql = `SELECT 9007199254740993::BIGINT AS big, TIMESTAMP '2026-11-27 23:59:59.123456' AS "at, utc",
      'a,"b"' AS text, NULL::INTEGER AS missing, 2.5::DOUBLE AS ratio, CAST(-1.5 AS DECIMAL(9,2)) AS money, true AS flag`;
    const rows = resultOf(engine, sql);
    expect(headerLine(rows, 'tsv')).toBe('big\tat, utc\ttext\tmissing\tratio\tmoney\tflag');
    expect(rowLine(rows, 0, 'tsv')).toBe('9007199254740993\t2026-11-27 23:59:59.123456\t"a,""b"""\t\t2.5\t-1.50\ttrue');
    const csv = `${headerLine(rows, 'csv')}\n${rowLine(rows, 0, 'csv')}\n`;
    engine.db.registerFileBuffer('rows.csv', new Uint8Array());
    engine.conn.query(`COPY (${sql}) TO 'rows.csv' (HEADER, DELIMITER ',')`);
    expect(csv).toBe(new TextDecoder().decode(engine.db.copyFileToBuffer('rows.csv')));
    engine.db.dropFile('rows.csv');
  });
});
